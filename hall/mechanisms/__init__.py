"""The hall's mechanisms beyond the counter: the dispute register and 包案, the weekly meeting,
群众工作日, hearings, and the township stations with their offline outbox."""
