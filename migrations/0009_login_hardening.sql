-- Login hardening (issue 7): failed logins and lockouts are counted per
-- (account, client address), so failures from one address lock that address out
-- of that account only, and nobody can lock another person out from one address.
-- users.failed_login_count and users.locked_until stay as the maximum over the
-- addresses (what the user administration shows); an unlock deletes these rows.

CREATE TABLE login_failures (
  user_id         uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  address         text NOT NULL CHECK (length(address) BETWEEN 1 AND 100),
  failed_count    integer NOT NULL DEFAULT 0 CHECK (failed_count >= 0),
  locked_until    timestamptz,
  last_failed_at  timestamptz NOT NULL,
  PRIMARY KEY (user_id, address)
);
