"""A TCP proxy between the program and the PostgreSQL server that a test can cut like a cable.

Faults are made here rather than on the server, which other tests share: ``cut()`` drops every
connection through the proxy and refuses new ones (the network is gone), ``restore()`` lets
them through again, and ``lose_next_commit_ack()`` forwards the next ``COMMIT`` to the server
but drops the connection instead of passing the server's answer back (the commit happened,
the client never hears of it).
"""

from __future__ import annotations

import contextlib
import select
import socket
import threading

from sqlalchemy.engine import make_url

CHUNK = 65536


class PgProxy:
    def __init__(self, server_url: str) -> None:
        url = make_url(server_url)
        self.target = (url.host or "127.0.0.1", url.port or 5432)
        self._server_url = url
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._pairs: list[tuple[socket.socket, socket.socket]] = []
        self._open = True
        self._lose_ack = False
        self.acks_lost = 0
        self._closed = False
        self._acceptor = threading.Thread(target=self._accept, daemon=True)
        self._acceptor.start()

    @property
    def url(self) -> str:
        """The database's URL through the proxy (in plain text, so COMMIT can be seen)."""
        through = self._server_url.set(host="127.0.0.1", port=self.port)
        query = dict(through.query)
        query["sslmode"] = "disable"
        return through.set(query=query).render_as_string(hide_password=False)

    def cut(self) -> None:
        with self._lock:
            self._open = False
            pairs, self._pairs = self._pairs, []
        for pair in pairs:
            _close(*pair)

    def restore(self) -> None:
        with self._lock:
            self._open = True

    def lose_next_commit_ack(self) -> None:
        with self._lock:
            self._lose_ack = True

    def connections(self) -> int:
        with self._lock:
            return len(self._pairs)

    def close(self) -> None:
        self._closed = True
        self.cut()
        # Wakes the accepting thread, which close() alone would leave waiting.
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)
        self._listener.close()
        self._acceptor.join(5)

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                accepting = self._open
            if not accepting:
                client.close()
                continue
            try:
                server = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            with self._lock:
                self._pairs.append((client, server))
            threading.Thread(target=self._pump, args=(client, server), daemon=True).start()

    def _pump(self, client: socket.socket, server: socket.socket) -> None:
        commit_sent = False
        try:
            while True:
                ready, _, _ = select.select([client, server], [], [])
                for source in ready:
                    data = source.recv(CHUNK)
                    if not data:
                        return
                    if source is client:
                        with self._lock:
                            if self._lose_ack and b"COMMIT" in data:
                                self._lose_ack = False
                                commit_sent = True
                        server.sendall(data)
                    elif commit_sent:
                        # The server has answered the COMMIT, so it has committed: the
                        # answer goes nowhere.
                        with self._lock:
                            self.acks_lost += 1
                        return
                    else:
                        client.sendall(data)
        except (OSError, ValueError):
            return
        finally:
            with self._lock:
                if (client, server) in self._pairs:
                    self._pairs.remove((client, server))
            _close(client, server)


def _close(*sockets: socket.socket) -> None:
    for sock in sockets:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        sock.close()
