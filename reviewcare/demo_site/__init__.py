"""The bundled sample review site: renderer and loopback server."""
