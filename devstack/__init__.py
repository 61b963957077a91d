"""devstack: the local stand-ins for Azure services, installed from npm and run on loopback.

Azurite (Blob, Queue, Table) and @vercel/cosmosdb-server (Cosmos DB API). Both are installed into
`.stack/node_modules` from the committed lock file, started in the background with their pids and
logs under `.stack/`, and reused when already running.
"""
