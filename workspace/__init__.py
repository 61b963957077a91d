"""The sales team's workspace: JSON API (http_api), service functions (service), pages (pages)."""
