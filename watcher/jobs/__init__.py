"""Fetching feeds and reading articles as jobs on procrastinate, for a PostgreSQL install:
``watcher run`` schedules (one scheduler at a time, elected by a database lock) and decides;
``watcher worker`` on any number of machines fetches and reads. Imported only with a
``postgresql://`` db: a SQLite install never loads procrastinate or psycopg.
"""
