-- Which claim a 'sending' row is under: each claim writes a new random token, and the sender
-- renews its lease, and records the outcome, only while the row still carries its token. A
-- sender that lost its claim (it stalled past its lease and another sender took the row) can
-- then neither extend the other's lease nor put the row back to 'pending' (issue 14: digests
-- sent twice by a second node while the first was still sending through a slow relay).
ALTER TABLE digest_outbox ADD COLUMN claim_token TEXT;
