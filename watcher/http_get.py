"""The one GET behind feeds and article pages: capped, time-boxed, redirects by hand.

Redirects are followed hop by hop so each hop waits for its host's slot, loops are
caught, and every hop counts against one network-time budget. Every failure is a
``FetchError`` whose message starts with the requested URL.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import zlib
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import httpcore
import httpx

from watcher import netguard
from watcher.errors import FetchError, InternalAddressError
from watcher.settings import HttpSettings

_REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
# Bodies arrive raw, one network read at a time (at most 64 KB, httpcore's read size), and are
# decoded at most _DECODED_CHUNK bytes at a time, so a compressed body stops within a chunk of the cap.
_DECODED_CHUNK = 64 * 1024
# The encodings decoded in bounded steps (br and zstd decoders would inflate unbounded).
_ACCEPT_ENCODING = "gzip, deflate"


@dataclass(frozen=True)
class HttpBody:
    """A final (non-redirect) response. ``content`` is empty unless the status is below 300."""

    url: str  # after redirects
    status: int
    headers: httpx.Headers
    content: bytes


class HostLimiter:
    """At most ``concurrency`` requests overall and ``per_host`` to any one host."""

    def __init__(self, settings: HttpSettings) -> None:
        self.all = asyncio.Semaphore(max(1, settings.concurrency))
        self._per_host = max(1, settings.per_host)
        self._hosts: dict[str, asyncio.Semaphore] = {}

    def host(self, url: httpx.URL) -> asyncio.Semaphore:
        key = f"{url.scheme}://{url.host}:{url.port or ''}"
        sem = self._hosts.get(key)
        if sem is None:
            sem = self._hosts[key] = asyncio.Semaphore(self._per_host)
        return sem


async def capped_get(
    client: httpx.AsyncClient,
    url: str,
    headers: Mapping[str, str],
    settings: HttpSettings,
    limiter: HostLimiter,
    *,
    describe_timeout: Callable[[httpx.TimeoutException], str],
    name_hop_in_errors: bool = False,
) -> HttpBody:
    """GET ``url`` following up to ``max_redirects`` redirects, the body read as a capped stream.

    The whole request (every hop, headers and body) gets ``total_timeout`` seconds of
    network time, the body at most ``max_bytes``; waiting for a limiter slot is free.
    ``describe_timeout`` words an httpx timeout, and ``name_hop_in_errors`` makes a bad
    redirect or an oversized body name the hop's URL instead of ``url``: feeds and pages
    word these errors differently, and their callers and tests depend on the wording.
    """
    try:
        current = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as e:
        raise FetchError(f"{url}: invalid URL ({_one_line(e)})") from e
    if current.scheme not in ("http", "https"):
        raise FetchError(f"{url}: unsupported URL scheme {current.scheme!r}")
    seen = {str(current)}
    left = settings.total_timeout
    rules = netguard.policy(settings.allow_private)
    for _hop in range(settings.max_redirects + 1):
        try:
            # Every hop: a redirect to an internal address is refused like a link to one.
            netguard.check_url(current, rules)
        except InternalAddressError as e:
            raise _refused(url, current, e) from None
        async with limiter.host(current), limiter.all:
            started = time.monotonic()
            try:
                async with asyncio.timeout(max(left, 0.0)):
                    name = str(current) if name_hop_in_errors else url
                    body, location = await _one_hop(client, current, headers, settings.max_bytes, name)
            except InternalAddressError as e:  # from the transport, after DNS resolution
                raise _refused(url, current, e) from None
            except TimeoutError as e:
                raise FetchError(f"{url}: timed out after {settings.total_timeout:g} s in total") from e
            except httpx.TimeoutException as e:
                raise FetchError(f"{url}: {describe_timeout(e)}") from e
            except httpx.HTTPError as e:
                raise FetchError(f"{url}: {type(e).__name__}: {_one_line(e)}") from e
            finally:
                left -= time.monotonic() - started
        if location is None:
            assert body is not None
            return body
        current = location
        if str(current) in seen:
            raise FetchError(f"{url}: redirect loop at {current}")
        seen.add(str(current))
    raise FetchError(f"{url}: more than {settings.max_redirects} redirects")


async def _one_hop(
    client: httpx.AsyncClient, url: httpx.URL, headers: Mapping[str, str], max_bytes: int, name: str
) -> tuple[HttpBody | None, httpx.URL | None]:
    response = await _send(client, url, {"Accept-Encoding": _ACCEPT_ENCODING, **headers})
    try:
        if response.status in _REDIRECT_CODES and "location" in response.headers:
            try:
                target = url.join(response.headers["location"])
            except httpx.InvalidURL as e:
                raise FetchError(f"{name}: bad redirect Location ({_one_line(e)})") from e
            if target.scheme not in ("http", "https"):
                raise FetchError(f"{name}: redirect to unsupported scheme {target.scheme!r}")
            await _drain(response)
            return None, target
        content = b""
        if response.status < 300:
            content = await _read_capped(response, max_bytes, name)
        else:  # error and 304 bodies are not worth keeping, only reading out
            await _drain(response)
        return HttpBody(str(url), response.status, response.headers, content), None
    finally:
        await response.aclose()


class _Response:
    """A response as the pool gave it: status, headers, and its body as raw network chunks."""

    def __init__(self, inner: httpcore.Response) -> None:
        self._inner = inner
        self.status = inner.status
        self.headers = httpx.Headers(inner.headers)

    async def chunks(self) -> AsyncIterator[bytes]:
        with _httpx_errors():
            async for chunk in self._inner.aiter_stream():
                yield chunk

    async def aclose(self) -> None:
        with _httpx_errors():
            await self._inner.aclose()


async def _send(client: httpx.AsyncClient, url: httpx.URL, headers: Mapping[str, str]) -> _Response:
    """GET ``url`` straight through the client's connection pool.

    httpx's client layer (auth, cookies, redirects, event hooks: none used here) costs about as
    much CPU as the pool itself; on an unchanged cycle of 500 feeds that is a third of the run.
    """
    merged = client.headers.copy()
    merged.update(headers)
    request = httpcore.Request(
        b"GET",
        httpcore.URL(scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path),
        headers=[(b"Host", url.netloc), *merged.raw],
        extensions={"timeout": client.timeout.as_dict()},
    )
    with _httpx_errors():
        return _Response(await _pool(client).handle_async_request(request))


def _pool(client: httpx.AsyncClient) -> httpcore.AsyncConnectionPool:
    # httpx keeps the transport private; every client this package makes (feeds.make_client)
    # holds a GuardedTransport, and anything else is refused rather than sent around the guard.
    transport = client._transport
    if not isinstance(transport, netguard.GuardedTransport):
        raise TypeError("capped_get needs a client from feeds.make_client")
    return transport.pool


_HTTPCORE_TO_HTTPX: tuple[tuple[type[Exception], type[httpx.HTTPError]], ...] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.ProtocolError, httpx.ProtocolError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
)


@contextlib.contextmanager
def _httpx_errors() -> Iterator[None]:
    """httpcore's errors as the httpx ones every caller words (as httpx's transport does)."""
    try:
        yield
    except httpcore.TimeoutException as e:
        raise _as_httpx(e) from e
    except (httpcore.NetworkError, httpcore.ProtocolError, httpcore.UnsupportedProtocol) as e:
        raise _as_httpx(e) from e


def _as_httpx(e: Exception) -> httpx.HTTPError:
    for core, mapped in _HTTPCORE_TO_HTTPX:
        if isinstance(e, core):
            return mapped(str(e))
    return httpx.TransportError(str(e))


# A response whose body is left unread closes its connection; a short one is read out so the
# connection goes back to the pool (500 feeds on one host answering 304 share a few connections).
_DRAIN_BYTES = 64 * 1024


async def _drain(response: _Response) -> None:
    declared = response.headers.get("content-length", "0")
    if declared.isdigit() and int(declared) > _DRAIN_BYTES:
        return
    read = 0
    async for chunk in response.chunks():
        read += len(chunk)
        if read > _DRAIN_BYTES:
            return


async def _read_capped(response: _Response, max_bytes: int, name: str) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"{name}: body of {int(declared)} bytes exceeds the {max_bytes}-byte cap")
    decoders = _decoders(response.headers.get("content-encoding", ""), name)
    chunks: list[bytes] = []
    size = 0
    # Raw bytes, decoded here in bounded steps: httpx's own decoding inflates a whole
    # network chunk at once, and 64 KB of a gzip bomb is 64 MB of zeros.
    async for raw in response.chunks():
        for piece in _decode(decoders, raw, name):
            size += len(piece)
            if size > max_bytes:
                raise FetchError(f"{name}: body exceeds the {max_bytes}-byte cap")
            chunks.append(piece)
    for piece in _decode(decoders, None, name):
        size += len(piece)
        if size > max_bytes:
            raise FetchError(f"{name}: body exceeds the {max_bytes}-byte cap")
        chunks.append(piece)
    return b"".join(chunks)


class _Inflater:
    """One gzip or deflate layer that never yields more than ``_DECODED_CHUNK`` bytes at a time."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self._gzip = encoding in ("gzip", "x-gzip")
        self._first = True
        self._d = self._new()

    def _new(self, wbits: int | None = None) -> Any:
        if wbits is None:
            wbits = 16 + zlib.MAX_WBITS if self._gzip else zlib.MAX_WBITS
        return zlib.decompressobj(wbits)

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._first and data and not self._gzip:
            self._first = False
            # "deflate" is zlib-wrapped by the standard, raw by some servers (as httpx allows).
            try:
                probe = zlib.decompressobj(zlib.MAX_WBITS)
                probe.decompress(data[:2])
            except zlib.error:
                self._d = self._new(-zlib.MAX_WBITS)
        buf = data
        while True:
            out = self._d.decompress(buf, _DECODED_CHUNK)
            if out:
                yield out
            buf = self._d.unconsumed_tail
            # Past the end of the stream (eof) anything left is ignored, as httpx does.
            if self._d.eof or (not buf and len(out) < _DECODED_CHUNK):
                return

    def finish(self) -> Iterator[bytes]:
        yield from self.feed(b"")


def _decoders(header: str, name: str) -> list[_Inflater]:
    """The decoding layers for a Content-Encoding, in the order they are undone."""
    layers = []
    for token in reversed([t.strip().lower() for t in header.split(",") if t.strip()]):
        if token == "identity":
            continue
        if token not in ("gzip", "x-gzip", "deflate"):
            # Only gzip and deflate are asked for (Accept-Encoding) and decoded in bounded steps.
            raise FetchError(f"{name}: unsupported Content-Encoding {token!r}")
        layers.append(_Inflater(token))
    return layers


def _decode(layers: list[_Inflater], data: bytes | None, name: str) -> Iterator[bytes]:
    """Pass ``data`` (None: the end of the body) through every layer, lazily, in bounded pieces."""
    try:
        yield from _through(layers, data)
    except zlib.error as e:
        raise FetchError(f"{name}: body is not valid {layers[0].encoding} ({_one_line(e)})") from e


def _through(layers: list[_Inflater], data: bytes | None) -> Iterator[bytes]:
    if not layers:
        if data:
            yield data
        return
    first, rest = layers[0], layers[1:]
    for piece in first.finish() if data is None else first.feed(data):
        yield from _through(rest, piece)
    if data is None:
        yield from _through(rest, None)


def _refused(url: str, hop: httpx.URL, e: InternalAddressError) -> FetchError:
    where = "" if str(hop) == url else f" (redirected to {hop})"
    return InternalAddressError(f"{url}: refused{where}: {e}")


def _one_line(e: object) -> str:
    text = " ".join(str(e).split())
    return text or type(e).__name__
