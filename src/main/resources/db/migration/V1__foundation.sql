-- Foundation: the covenant, its parties, schools, user accounts and pupils.
-- A pupil's identity lives apart from the non-identifying case data, so that every read of
-- identity is a deliberate join that the privacy kernel controls.

CREATE TABLE covenant (
    id                  BIGSERIAL PRIMARY KEY,
    code                VARCHAR(64)  NOT NULL UNIQUE,
    name                VARCHAR(200) NOT NULL,
    version             VARCHAR(20)  NOT NULL,
    signed_on           DATE         NOT NULL,
    initial_term_years  INT          NOT NULL CHECK (initial_term_years > 0),
    renewal_term_years  INT          NOT NULL CHECK (renewal_term_years > 0)
);

-- gemeente
CREATE TABLE municipality (
    id    BIGSERIAL PRIMARY KEY,
    code  VARCHAR(6)   NOT NULL UNIQUE, -- CBS gemeentecode, e.g. GM0363
    name  VARCHAR(120) NOT NULL
);

-- convenantpartij
CREATE TABLE party (
    id               BIGSERIAL PRIMARY KEY,
    covenant_id      BIGINT       NOT NULL REFERENCES covenant (id),
    type             VARCHAR(32)  NOT NULL CHECK (type IN ('MUNICIPALITY', 'SCHOOL_BOARD', 'PARTNERSHIP', 'YOUTH_HEALTH', 'YOUTH_CARE')),
    name             VARCHAR(200) NOT NULL UNIQUE,
    joined_on        DATE         NOT NULL,
    municipality_id  BIGINT REFERENCES municipality (id),
    CHECK (type <> 'MUNICIPALITY' OR municipality_id IS NOT NULL)
);

CREATE TABLE school (
    id                   BIGSERIAL PRIMARY KEY,
    brin                 VARCHAR(4)   NOT NULL UNIQUE CHECK (brin ~ '^[0-9]{2}[A-Z]{2}$'),
    name                 VARCHAR(200) NOT NULL,
    sector               VARCHAR(3)   NOT NULL CHECK (sector IN ('PO', 'VO', 'MBO')),
    board_party_id       BIGINT       NOT NULL REFERENCES party (id),
    partnership_party_id BIGINT       NOT NULL REFERENCES party (id),
    municipality_id      BIGINT       NOT NULL REFERENCES municipality (id)
);

CREATE TABLE user_account (
    id             BIGSERIAL PRIMARY KEY,
    username       VARCHAR(64)  NOT NULL UNIQUE,
    display_name   VARCHAR(200) NOT NULL,
    role           VARCHAR(32)  NOT NULL CHECK (role IN ('CARE_COORDINATOR', 'YOUTH_NURSE', 'YOUTH_DOCTOR',
        'ATTENDANCE_OFFICER', 'PARTNERSHIP_COORDINATOR', 'SUPPORT_EXPERT', 'SOCIAL_WORKER',
        'YOUTH_CARE_PROVIDER', 'PRIVACY_OFFICER', 'ADMIN')),
    party_id       BIGINT       NOT NULL REFERENCES party (id),
    password_hash  VARCHAR(100) NOT NULL,
    active         BOOLEAN      NOT NULL DEFAULT TRUE
);

-- The municipalities an attendance officer is sworn for (beëdigd).
CREATE TABLE user_sworn_municipality (
    user_id          BIGINT NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    municipality_id  BIGINT NOT NULL REFERENCES municipality (id),
    PRIMARY KEY (user_id, municipality_id)
);

-- The schools a member of school staff works for.
CREATE TABLE user_school (
    user_id    BIGINT NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    school_id  BIGINT NOT NULL REFERENCES school (id),
    PRIMARY KEY (user_id, school_id)
);

-- Non-identifying case data of a pupil: where and in which year the pupil is enrolled.
CREATE TABLE pupil (
    id              BIGSERIAL PRIMARY KEY,
    school_id       BIGINT NOT NULL REFERENCES school (id),
    school_year     INT    NOT NULL CHECK (school_year BETWEEN 1 AND 8), -- leerjaar (groep 1-8, klas 1-6, MBO 1-4)
    enrolled_on     DATE   NOT NULL,
    enrolled_until  DATE,
    CHECK (enrolled_until IS NULL OR enrolled_until >= enrolled_on)
);
CREATE INDEX pupil_school_idx ON pupil (school_id, school_year);

-- Identity of a pupil; read only through the privacy kernel.
CREATE TABLE pupil_identity (
    pupil_id                   BIGINT PRIMARY KEY REFERENCES pupil (id) ON DELETE CASCADE,
    given_name                 VARCHAR(100) NOT NULL,
    family_name                VARCHAR(100) NOT NULL,
    birth_date                 DATE         NOT NULL,
    bsn                        CHAR(9)      NOT NULL UNIQUE CHECK (bsn ~ '^[0-9]{9}$'),
    street_address             VARCHAR(200) NOT NULL,
    postal_code                VARCHAR(7)   NOT NULL,
    residence_municipality_id  BIGINT       NOT NULL REFERENCES municipality (id)
);
CREATE INDEX pupil_identity_name_idx ON pupil_identity (lower(family_name), lower(given_name));
