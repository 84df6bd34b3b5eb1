"""Search: Dutch text analysis, the lunr index behind `wwidw search`, similarity, and the site's Pagefind search."""
