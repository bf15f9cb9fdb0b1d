"""The guard against fetching internal addresses, for feeds and article pages alike.

A feed is untrusted input: its links (and the redirects behind them) must not make
watcher read a service on the machine or the local network and turn its answer into an
alert. Loopback, private, link-local, multicast, reserved, unspecified and other
non-global addresses are refused, IPv4 and IPv6, whatever their spelling: a URL's host
is read as the C resolver would read it (``0x7f000001``, ``2130706433``, ``127.1``,
``[::ffff:127.0.0.1]``), and names are checked on every address they resolve to.

Two layers:

- ``check_url`` sees each URL (and each redirect hop) before a request is made: literal
  addresses in any spelling, and ``localhost`` names.
- ``GuardedTransport`` is the network edge: it resolves the name itself, refuses it if
  any address is internal, then connects to the address it checked, so a DNS answer
  that changes between the check and the connection (rebinding) cannot slip through.

``[http] allow_private`` lists networks ("10.0.0.0/8", "127.0.0.1") and host names
("intranet.example"), each optionally with one port ("127.0.0.1:8080"), that may be
fetched on purpose.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import anyio
import httpcore
import httpx

from watcher.errors import InternalAddressError
from watcher.settings import split_allow_entry

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

SETTING = "[http] allow_private"
_DEFAULT_PORTS = {"http": 80, "https": 443}
_LOOPBACKS = (ipaddress.ip_address("127.0.0.1"), ipaddress.ip_address("::1"))


@dataclass(frozen=True)
class AddressPolicy:
    """What may be fetched although internal: networks and host names, each on any port
    (None) or on one port."""

    networks: tuple[tuple[IPNetwork, int | None], ...] = ()
    hosts: frozenset[tuple[str, int | None]] = frozenset()

    def host_allowed(self, host: str, port: int | None) -> bool:
        name = _norm_host(host)
        return (name, None) in self.hosts or (port is not None and (name, port) in self.hosts)

    def address_allowed(self, address: IPAddress, port: int | None) -> bool:
        if not is_internal(address):
            return True
        plain = _unmapped(address)
        return any(
            plain.version == n.version and plain in n and (p is None or p == port) for n, p in self.networks
        )


@lru_cache(maxsize=32)
def policy(allow_private: tuple[str, ...]) -> AddressPolicy:
    """The policy for the ``allow_private`` setting (already validated by config)."""
    networks: list[tuple[IPNetwork, int | None]] = []
    hosts: set[tuple[str, int | None]] = set()
    for item in allow_private:
        try:
            host, port = split_allow_entry(item)
        except ValueError:
            continue  # config refuses these; a hand-made HttpSettings gains nothing from one
        network = parse_network(host)
        if network is not None:
            networks.append((network, port))
        else:
            hosts.add((_norm_host(host), port))
    return AddressPolicy(tuple(networks), frozenset(hosts))


def parse_network(item: str) -> IPNetwork | None:
    """``item`` as a network ("10.0.0.0/8", "::1", "[::1]"), or None if it is a host name."""
    text = item.strip().strip("[]")
    try:
        return ipaddress.ip_network(text, strict=False)
    except ValueError:
        return None


def _norm_host(host: str) -> str:
    return host.strip().strip("[]").rstrip(".").casefold()


def _unmapped(address: IPAddress) -> IPAddress:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def is_internal(address: IPAddress) -> bool:
    """Whether ``address`` is anything but a public unicast address."""
    address = _unmapped(address)
    embedded: list[IPAddress] = []
    if isinstance(address, ipaddress.IPv6Address):
        # 6to4 and Teredo carry an IPv4 address that a relay would reach.
        if address.sixtofour is not None:
            embedded.append(address.sixtofour)
        if address.teredo is not None:
            embedded.extend(address.teredo)
    return any(
        a.is_private
        or a.is_loopback
        or a.is_link_local
        or a.is_multicast
        or a.is_reserved
        or a.is_unspecified
        or not a.is_global
        for a in (address, *embedded)
    )


def literal_address(host: str) -> IPAddress | None:
    """The address a URL host denotes by itself, in any spelling the resolver accepts."""
    text = host.strip().strip("[]").rstrip(".")
    if not text:
        return None
    try:
        return ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        pass
    if all(c in "0123456789abcdefxABCDEFX." for c in text) and text[0].isdigit():
        # inet_aton reads "127.1", "0x7f000001", "017700000001", "2130706433" as
        # getaddrinfo does; a name such as "cafe.example" never gets here.
        try:
            return ipaddress.IPv4Address(socket.inet_aton(text))
        except OSError:
            return None
    return None


def _refusal(host: str, address: IPAddress | None) -> InternalAddressError:
    shown = _unmapped(address) if address is not None else None
    if shown is None or str(shown) == host.strip("[]"):
        what = f"{host} is an internal address"
    elif literal_address(host) is not None:
        what = f"{host} is the internal address {shown}"
    else:
        what = f"{host} resolves to the internal address {shown}"
    return InternalAddressError(f"{what}; to fetch it on purpose, add it to {SETTING}")


def check_url(url: httpx.URL, rules: AddressPolicy) -> None:
    """Raise ``InternalAddressError`` if ``url``'s host is plainly internal (before any DNS)."""
    host = url.host
    port = url.port or _DEFAULT_PORTS.get(url.scheme)
    if not host or rules.host_allowed(host, port):
        return
    name = _norm_host(host)
    if name == "localhost" or name.endswith(".localhost"):
        # Loopback by definition; left to the resolver check when loopback is allowed.
        if not any(rules.address_allowed(a, port) for a in _LOOPBACKS):
            raise _refusal(host, None)
        return
    address = literal_address(host)
    if address is not None and not rules.address_allowed(address, port):
        raise _refusal(host, address)


def refused_urls(urls: Sequence[str], rules: AddressPolicy, *, timeout: float = 3.0) -> dict[str, str]:
    """URL -> why the guard will refuse it, for the URLs it will refuse (``check-config``).

    Literal addresses and ``localhost`` are judged at once; names are resolved, all at the
    same time, and judged like ``GuardedBackend`` does (refused when no address is allowed).
    A name that does not resolve within ``timeout`` is not judged: its fetch will say why.
    """
    out: dict[str, str] = {}
    names: dict[str, tuple[str, int | None]] = {}
    for url in urls:
        try:
            parsed = httpx.URL(url)
        except httpx.InvalidURL:
            continue
        try:
            check_url(parsed, rules)
        except InternalAddressError as e:
            out[url] = str(e)
            continue
        host, port = parsed.host, parsed.port or _DEFAULT_PORTS.get(parsed.scheme)
        if host and literal_address(host) is None and not rules.host_allowed(host, port):
            names[url] = (host, port)
    resolved: dict[str, list[IPAddress]] = {}

    def resolve(url: str, host: str, port: int | None) -> None:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError:
            return
        resolved[url] = [ipaddress.ip_address(str(i[4][0]).split("%", 1)[0]) for i in infos]

    # Daemon threads: a resolver stuck past the timeout must not hold the command's exit.
    threads = [
        threading.Thread(target=resolve, args=(url, host, port), daemon=True)
        for url, (host, port) in names.items()
    ]
    for t in threads:
        t.start()
    deadline = time.monotonic() + timeout
    for t in threads:
        t.join(max(0.0, deadline - time.monotonic()))
    done = dict(resolved)  # a late answer may still arrive; what came in time is judged
    for url, (host, port) in names.items():
        addresses = done.get(url)
        if addresses and not any(rules.address_allowed(a, port) for a in addresses):
            out[url] = str(_refusal(host, addresses[0]))
    return out


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolves each host once, refuses internal addresses, connects to the checked one."""

    def __init__(self, rules: AddressPolicy, inner: httpcore.AsyncNetworkBackend | None = None) -> None:
        self._rules = rules
        self._inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        if self._rules.host_allowed(host, port):
            return await self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        resolved = await self._resolve(host, port, timeout)
        # Only checked addresses are ever connected to: an internal one among public ones
        # is dropped, and a name with nothing but internal ones is refused.
        addresses = [a for a in resolved if self._rules.address_allowed(a, port)]
        if not addresses:
            raise _refusal(host, resolved[0])
        error: Exception | None = None
        for address in addresses:
            try:
                return await self._inner.connect_tcp(
                    str(address), port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as e:
                error = e
        assert error is not None
        raise error

    async def _resolve(self, host: str, port: int, timeout: float | None) -> list[IPAddress]:
        literal = literal_address(host)
        if literal is not None:
            return [literal]
        try:
            with anyio.fail_after(timeout):
                infos = await anyio.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except TimeoutError as e:
            raise httpcore.ConnectTimeout(f"resolving {host} timed out") from e
        except OSError as e:
            raise httpcore.ConnectError(str(e)) from e
        found: list[IPAddress] = []
        for _family, _type, _proto, _name, sockaddr in infos:
            address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
            if address not in found:
                found.append(address)
        if not found:
            raise httpcore.ConnectError(f"{host}: no address")
        return found

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are not fetched")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class _LazyTlsPool(httpcore.AsyncConnectionPool):
    """A connection pool that builds its verifying TLS context at its first https connection.

    A poll of plain-http feeds that all answer 304 never needs one, and loading the CA bundle
    is a measurable part of such a run.
    """

    def create_connection(self, origin: httpcore.Origin) -> httpcore.AsyncConnectionInterface:
        if origin.scheme == b"https" and self._ssl_context is None:
            self._ssl_context = httpx.create_ssl_context()
        return super().create_connection(origin)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's own transport, its connection pool given the guarded network backend.

    Environment proxies are not used: through a proxy the name would be resolved where
    this guard cannot see it.
    """

    @property
    def pool(self) -> httpcore.AsyncConnectionPool:
        """The connection pool, for callers that send through it directly (``http_get``)."""
        return self._pool

    def __init__(self, rules: AddressPolicy, limits: httpx.Limits) -> None:
        # verify=False: this pool of httpx's is replaced at once, and building a verifying
        # context loads the CA bundle (~20 ms); ours loads it at the first https connection.
        super().__init__(verify=False, limits=limits, trust_env=False)
        self._pool = _LazyTlsPool(
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=GuardedBackend(rules),
        )
