-- Failed sign-ins per username (account.SignInThrottle), in the database so that every instance of a
-- cluster sees the same count and lock: a username locked on one instance is locked on all of them.
-- username_key is the username as typed (trimmed, lower case), also for usernames that do not exist.
-- locked_until is the end of the lock, or the time of the last failure while not locked. Rows are
-- forgotten an hour after locked_until.
CREATE TABLE sign_in_failure (
    username_key VARCHAR(100) PRIMARY KEY,
    failures     INT          NOT NULL CHECK (failures > 0),
    locked_until TIMESTAMPTZ  NOT NULL
);

CREATE INDEX sign_in_failure_locked_until ON sign_in_failure (locked_until);
