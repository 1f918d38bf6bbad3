"""What changed, and when: the facts of a briefing at each commit (`snapshot`), what a
commit did to them (`changes`), the log of such changes read from git (`log`, through
`git`). `briefing diff`, `briefing changes`, the Changes pages and the feeds all read it."""
