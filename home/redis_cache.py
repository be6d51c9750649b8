"""Django's Redis cache backend, with one Redis client per connection pool instead of one per call.

Django builds a new ``redis.Redis`` for every cache operation; with redis-py 5 and later that
constructor fills a table of about 170 response callbacks each time, which was a third of the time of
a page-cache hit (one ``get_many``). The client holds no connection of its own (it borrows one from
the pool per command), so keeping it is as thread-safe as the pool itself, and Django's cache handler
gives every thread its own backend anyway.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoRedisCacheClient


class RedisCacheClient(DjangoRedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
