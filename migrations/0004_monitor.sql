-- Allocation agreements and the monthly monitor (monitor.md). No table in this migration
-- holds personal data: placements are households counted by municipality, corporation,
-- target group and dates, without a client reference other than the trajectory id.

-- §2.2 target groups: reference data the programme edits (R-MO-01). Main groups MG-1..MG-3
-- are fixed by the agreement (domain/monitor/catalogue.ts).
CREATE TABLE target_groups (
  code                     text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  main_group               text NOT NULL CHECK (main_group IN ('MG-1','MG-2','MG-3')),
  hierarchy_id             text CHECK (hierarchy_id ~ '^[1-3]\.[a-z]$'),
  label_nl                 text NOT NULL CHECK (length(label_nl) BETWEEN 1 AND 200),
  label_en                 text NOT NULL CHECK (length(label_en) BETWEEN 1 AND 200),
  counts_toward_agreement  boolean NOT NULL DEFAULT true,
  valid_from               date NOT NULL DEFAULT DATE '2016-01-01',
  valid_to                 date,
  sort_order               integer NOT NULL DEFAULT 0,
  version                  integer NOT NULL DEFAULT 1,
  created_at               timestamptz NOT NULL DEFAULT now(),
  updated_at               timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

INSERT INTO target_groups (code, main_group, hierarchy_id, label_nl, label_en, counts_toward_agreement, sort_order) VALUES
('social_medical_urgent',    'MG-1', '1.a', 'Sociaal Medisch Urgenten', 'Social or medical urgents', true, 10),
('wheelchair_urgent',        'MG-1', '1.a', 'Rolstoelurgenten', 'Wheelchair urgents', true, 20),
('crisis_shelter_family',    'MG-1', '1.b', 'Gezinnen in crisisopvang', 'Families in crisis shelter', true, 30),
('domestic_violence',        'MG-1', '1.c', 'Slachtoffers huiselijk geweld', 'Victims of domestic violence', true, 40),
('informal_carer',           'MG-1', '1.d', 'Mantelzorg', 'Informal carers', true, 50),
('sex_work_exit',            'MG-1', '1.e', 'Uittredende sekswerkers', 'People leaving sex work', true, 60),
('public_order_safety',      'MG-1', '1.f', 'Openbare Orde en Veiligheid (OOV)', 'Public order and safety', true, 70),
('omslag_mobw_adult',        'MG-2', '2.a', 'Omslag MO/BW volwassenen', 'Omslag shelter/protected housing, adults', true, 110),
('omslag_mobw_family',       'MG-2', '2.b', 'Omslag MO/BW gezinnen', 'Omslag shelter/protected housing, families', true, 120),
('omslag_domestic_violence', 'MG-2', '2.c', 'Omslag slachtoffers huiselijk geweld', 'Omslag victims of domestic violence', true, 130),
('omslag_young_mother',      'MG-2', '2.d', 'Omslag jonge moeders', 'Omslag young mothers', true, 140),
('omslag_young_adult',       'MG-2', '2.e', 'Omslag jongvolwassenen (na MO en jeugdzorg met verblijf)', 'Omslag young adults (after shelter and residential youth care)', true, 150),
('housing_first_youth',      'MG-2', NULL,  'Housing First Jeugd', 'Housing First youth', true, 160),
('multi_problem_family',     'MG-2', '2.f', '(Overlastgevende) multiprobleemgezinnen', '(Nuisance-causing) multi-problem families', true, 170),
('mo_adult_outflow',         'MG-2', NULL,  'Uitstroom MO volwassenen', 'Outflow from shelter, adults', true, 180),
('last_new_chance',          'MG-2', '2.g', 'Laatste Kans en Nieuwe Kans', 'Last Chance and New Chance', true, 190),
('bullying_approach',        'MG-2', '2.g', 'Treiteraanpak', 'Bullying approach', true, 200),
('verbond_experiment',       'MG-2', NULL,  'Het Verbond/Experimenteerruimte', 'Het Verbond/experimentation space', true, 210),
('wlz_permanent',            'MG-2', NULL,  'Wlz-permanent', 'Long-term care (Wlz), permanent', true, 220),
('wlz_independent',          'MG-2', '2.h', 'Wlz-cliënten die op termijn zelfstandig kunnen wonen', 'Long-term care clients who can live independently in time', true, 230),
('statushouder_regular',     'MG-3', '3.a', 'Statushouders regulier', 'Statushouders, regular', true, 310),
('statushouder_ruggensteun', 'MG-3', '3.b', 'Statushouders Ruggensteun', 'Statushouders, backstop scheme (Ruggensteun)', true, 320);
UPDATE target_groups SET valid_from = DATE '2020-01-01' WHERE code = 'wlz_independent';

-- Regions (R-MO-37) are the existing `regions`; a municipality belongs to the region of its organisation.

-- R-MO-15: social rent stock of a corporation in a municipality on 1 January of the year.
CREATE TABLE corporation_stock (
  municipality_id uuid NOT NULL REFERENCES organisations(id),
  corporation_id  uuid NOT NULL REFERENCES organisations(id),
  year            integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  dwellings       integer NOT NULL CHECK (dwellings >= 0),
  version         integer NOT NULL DEFAULT 1,
  updated_by      uuid REFERENCES users(id),
  updated_at      timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, corporation_id, year)
);

-- M-10: released social rent dwellings per corporation per month.
CREATE TABLE released_dwellings (
  municipality_id uuid NOT NULL REFERENCES organisations(id),
  corporation_id  uuid NOT NULL REFERENCES organisations(id),
  year            integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  month           integer NOT NULL CHECK (month BETWEEN 1 AND 12),
  dwellings       integer NOT NULL CHECK (dwellings >= 0),
  version         integer NOT NULL DEFAULT 1,
  updated_by      uuid REFERENCES users(id),
  updated_at      timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, corporation_id, year, month)
);

-- R-MO-06 / M-12: estimated need, for the whole programme ('ALL') or per main group.
CREATE TABLE estimated_need (
  municipality_id uuid NOT NULL REFERENCES organisations(id),
  year            integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  main_group      text NOT NULL DEFAULT 'ALL' CHECK (main_group IN ('ALL','MG-1','MG-2','MG-3')),
  dwellings       integer NOT NULL CHECK (dwellings >= 0),
  version         integer NOT NULL DEFAULT 1,
  updated_by      uuid REFERENCES users(id),
  updated_at      timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, year, main_group)
);

-- R-MO-02/R-MO-03: the yearly agreement of a municipality, absolute or a share of released dwellings.
CREATE TABLE agreements (
  id                           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id              uuid NOT NULL REFERENCES organisations(id),
  name                         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  first_year                   integer NOT NULL CHECK (first_year BETWEEN 2000 AND 2100),
  last_year                    integer NOT NULL CHECK (last_year BETWEEN 2000 AND 2100),
  kind                         text NOT NULL CHECK (kind IN ('absolute','share')),
  yearly_number                integer CHECK (yearly_number >= 0),
  share                        numeric(6,5) CHECK (share > 0 AND share <= 1),
  -- R-MO-16: distribution over corporations is optional per municipality.
  distribute_over_corporations boolean NOT NULL DEFAULT false,
  -- M-07: tolerance for on track / behind (0 = exactly the linear twelfths).
  tolerance                    numeric(5,4) NOT NULL DEFAULT 0 CHECK (tolerance >= 0 AND tolerance < 1),
  version                      integer NOT NULL DEFAULT 1,
  created_by                   uuid REFERENCES users(id),
  created_at                   timestamptz NOT NULL,
  updated_at                   timestamptz NOT NULL,
  CHECK (last_year >= first_year),
  CHECK ((kind = 'absolute') = (yearly_number IS NOT NULL)),
  CHECK ((kind = 'share') = (share IS NOT NULL))
);
CREATE INDEX agreements_municipality_idx ON agreements (municipality_id, first_year);

-- R-MO-07..R-MO-09: distribution over target groups per year, in versions; a revision adds a version.
CREATE TABLE plan_versions (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agreement_id   uuid NOT NULL REFERENCES agreements(id),
  year           integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  version_no     integer NOT NULL CHECK (version_no >= 1),
  decision_date  date NOT NULL,
  effective_from date NOT NULL,
  reason         text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  created_by     uuid REFERENCES users(id),
  created_at     timestamptz NOT NULL,
  UNIQUE (agreement_id, year, version_no)
);

-- R-MO-08: a line plans a main group, one target group, or a named set of target groups;
-- optionally for one corporation.
CREATE TABLE plan_lines (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_version_id  uuid NOT NULL REFERENCES plan_versions(id),
  level            text NOT NULL CHECK (level IN ('main_group','target_group','group_set')),
  main_group       text CHECK (main_group IN ('MG-1','MG-2','MG-3')),
  target_group     text REFERENCES target_groups(code),
  group_set_name   text CHECK (length(group_set_name) BETWEEN 1 AND 200),
  group_set_codes  text[],
  corporation_id   uuid REFERENCES organisations(id),
  dwellings        integer NOT NULL CHECK (dwellings >= 0),
  position         integer NOT NULL DEFAULT 0,
  CHECK ((level = 'main_group') = (main_group IS NOT NULL AND target_group IS NULL AND group_set_codes IS NULL)),
  CHECK ((level = 'target_group') = (target_group IS NOT NULL AND main_group IS NULL AND group_set_codes IS NULL)),
  CHECK ((level = 'group_set') = (group_set_codes IS NOT NULL AND group_set_name IS NOT NULL AND cardinality(group_set_codes) >= 2))
);
CREATE INDEX plan_lines_version_idx ON plan_lines (plan_version_id);

-- Plan versions and their lines are read-only once written (R-MO-09): a revision is a new version.
CREATE FUNCTION plans_read_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'plan versions are read-only; create a new version' USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER plan_versions_read_only BEFORE UPDATE OR DELETE ON plan_versions FOR EACH ROW EXECUTE FUNCTION plans_read_only();
CREATE TRIGGER plan_lines_read_only BEFORE UPDATE OR DELETE ON plan_lines FOR EACH ROW EXECUTE FUNCTION plans_read_only();

-- R-MO-14: a corporation's yearly number from the performance agreements (takes precedence over
-- the stock-proportional share, which is then shown as a reference).
CREATE TABLE corporation_targets (
  agreement_id   uuid NOT NULL REFERENCES agreements(id),
  year           integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  corporation_id uuid NOT NULL REFERENCES organisations(id),
  dwellings      integer NOT NULL CHECK (dwellings >= 0),
  version        integer NOT NULL DEFAULT 1,
  updated_by     uuid REFERENCES users(id),
  updated_at     timestamptz NOT NULL,
  PRIMARY KEY (agreement_id, year, corporation_id)
);

-- R-MO-32..R-MO-34: the statushouders quota in persons per half-year, in versions.
CREATE TABLE statushouder_quotas (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES organisations(id),
  year            integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  half            integer NOT NULL CHECK (half IN (1, 2)),
  version_no      integer NOT NULL CHECK (version_no >= 1),
  persons         integer NOT NULL CHECK (persons >= 0),
  decision_date   date NOT NULL,
  reason          text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  created_by      uuid REFERENCES users(id),
  created_at      timestamptz NOT NULL,
  UNIQUE (municipality_id, year, half, version_no)
);
CREATE TRIGGER statushouder_quotas_read_only BEFORE UPDATE OR DELETE ON statushouder_quotas FOR EACH ROW EXECUTE FUNCTION plans_read_only();

-- R-MO-33: the backlog (persons) carried into the first year the platform tracks; later
-- years carry the computed backlog forward (M-22).
CREATE TABLE statushouder_opening_backlogs (
  municipality_id uuid PRIMARY KEY REFERENCES organisations(id),
  year            integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  persons         integer NOT NULL,
  version         integer NOT NULL DEFAULT 1,
  updated_by      uuid REFERENCES users(id),
  updated_at      timestamptz NOT NULL
);

-- M-27: housing units for young statushouders (cumulative since 2016, target, delivered in the year).
CREATE TABLE young_statushouder_units (
  municipality_id       uuid NOT NULL REFERENCES organisations(id),
  year                  integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  target_units          integer NOT NULL CHECK (target_units >= 0),
  cumulative_units      integer NOT NULL CHECK (cumulative_units >= 0),
  delivered_units       integer NOT NULL CHECK (delivered_units >= 0),
  version               integer NOT NULL DEFAULT 1,
  updated_by            uuid REFERENCES users(id),
  updated_at            timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, year)
);

-- §12: versioned report layouts mapping target-group codes to printed rows.
-- rows: [{"key","label":{"nl","en"},"mainGroup","codes":[...]}] in print order.
CREATE TABLE report_layouts (
  code        text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_-]{1,59}$'),
  version     integer NOT NULL CHECK (version >= 1),
  kind        text NOT NULL CHECK (kind IN ('delivery','wait_time')),
  name_nl     text NOT NULL,
  name_en     text NOT NULL,
  rows        jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (code, version)
);

INSERT INTO report_layouts (code, version, kind, name_nl, name_en, rows) VALUES
('phkg-delivery', 1, 'delivery', 'Corporatiewoningen geleverd voor kwetsbare groepen (PHKG 2020)', 'Corporation dwellings delivered for vulnerable groups (PHKG 2020)', '[
 {"key":"smu","label":{"nl":"Sociaal Medisch Urgenten","en":"Social or medical urgents"},"mainGroup":"MG-1","codes":["social_medical_urgent"]},
 {"key":"wheelchair","label":{"nl":"Rolstoelurgenten","en":"Wheelchair urgents"},"mainGroup":"MG-1","codes":["wheelchair_urgent"]},
 {"key":"crisis","label":{"nl":"Gezinnen in crisisopvang","en":"Families in crisis shelter"},"mainGroup":"MG-1","codes":["crisis_shelter_family"]},
 {"key":"dv","label":{"nl":"Slachtoffers Huiselijk Geweld","en":"Victims of domestic violence"},"mainGroup":"MG-1","codes":["domestic_violence"]},
 {"key":"carer","label":{"nl":"Mantelzorg","en":"Informal carers"},"mainGroup":"MG-1","codes":["informal_carer"]},
 {"key":"sexwork","label":{"nl":"Uittredende sekswerkers","en":"People leaving sex work"},"mainGroup":"MG-1","codes":["sex_work_exit"]},
 {"key":"oov","label":{"nl":"OOV","en":"Public order and safety"},"mainGroup":"MG-1","codes":["public_order_safety"]},
 {"key":"mobw_adult","label":{"nl":"Omslag MO/BW Volwassenen","en":"Omslag MO/BW adults"},"mainGroup":"MG-2","codes":["omslag_mobw_adult"]},
 {"key":"mobw_family","label":{"nl":"Omslag MO/BW Gezinnen","en":"Omslag MO/BW families"},"mainGroup":"MG-2","codes":["omslag_mobw_family"]},
 {"key":"omslag_dv","label":{"nl":"Omslag Slachtoffers Huiselijk Geweld","en":"Omslag victims of domestic violence"},"mainGroup":"MG-2","codes":["omslag_domestic_violence"]},
 {"key":"mpg","label":{"nl":"(Overlastgevende) Multiprobleemgezinnen","en":"(Nuisance-causing) multi-problem families"},"mainGroup":"MG-2","codes":["multi_problem_family"]},
 {"key":"outflow","label":{"nl":"Uitstroom MO Volwassenen","en":"Outflow from shelter, adults"},"mainGroup":"MG-2","codes":["mo_adult_outflow"]},
 {"key":"young_mother","label":{"nl":"Omslag Jonge Moeders","en":"Omslag young mothers"},"mainGroup":"MG-2","codes":["omslag_young_mother"]},
 {"key":"young_adult","label":{"nl":"Omslag Jongvolwassenen","en":"Omslag young adults"},"mainGroup":"MG-2","codes":["omslag_young_adult"]},
 {"key":"combined","label":{"nl":"Laatste Kans, Treiteraanpak, Het Verbond, Nieuwe Kans, Experimenteerruimte/DBT, Wlz-permanent","en":"Last Chance, bullying approach, Het Verbond, New Chance, experimentation space/DBT, Wlz permanent"},"mainGroup":"MG-2","codes":["last_new_chance","bullying_approach","verbond_experiment","wlz_permanent"]},
 {"key":"sh_regular","label":{"nl":"Statushouders Regulier","en":"Statushouders, regular"},"mainGroup":"MG-3","codes":["statushouder_regular"]},
 {"key":"sh_ruggensteun","label":{"nl":"Statushouders Ruggensteun","en":"Statushouders, Ruggensteun"},"mainGroup":"MG-3","codes":["statushouder_ruggensteun"]}
]'::jsonb),
('phkg-wait-times', 1, 'wait_time', 'Wachttijden per doelgroep (PHKG 2020)', 'Wait times per target group (PHKG 2020)', '[
 {"key":"smu","label":{"nl":"Sociaal Medisch Urgenten","en":"Social or medical urgents"},"mainGroup":"MG-1","codes":["social_medical_urgent"]},
 {"key":"wheelchair","label":{"nl":"Rolstoelgeïndiceerden","en":"Wheelchair-indicated"},"mainGroup":"MG-1","codes":["wheelchair_urgent"]},
 {"key":"crisis","label":{"nl":"Gezinnen in Crisisopvang","en":"Families in crisis shelter"},"mainGroup":"MG-1","codes":["crisis_shelter_family"]},
 {"key":"dv","label":{"nl":"Slachtoffers Huiselijk geweld","en":"Victims of domestic violence"},"mainGroup":"MG-1","codes":["domestic_violence"]},
 {"key":"carer","label":{"nl":"Mantelzorg","en":"Informal carers"},"mainGroup":"MG-1","codes":["informal_carer"]},
 {"key":"sexwork","label":{"nl":"Uittredende sekswerkers","en":"People leaving sex work"},"mainGroup":"MG-1","codes":["sex_work_exit"]},
 {"key":"oov","label":{"nl":"Openbare Orde en Veiligheid","en":"Public order and safety"},"mainGroup":"MG-1","codes":["public_order_safety"]},
 {"key":"mobw_adult","label":{"nl":"Omslag MO/BW Volwassenen","en":"Omslag MO/BW adults"},"mainGroup":"MG-2","codes":["omslag_mobw_adult"]},
 {"key":"mobw_family","label":{"nl":"Omslag MO/BW Gezinnen","en":"Omslag MO/BW families"},"mainGroup":"MG-2","codes":["omslag_mobw_family"]},
 {"key":"omslag_dv","label":{"nl":"Omslag Slachtoffers Huiselijk Geweld","en":"Omslag victims of domestic violence"},"mainGroup":"MG-2","codes":["omslag_domestic_violence"]},
 {"key":"young_mother","label":{"nl":"Omslag MO Jonge moeders","en":"Omslag young mothers (shelter)"},"mainGroup":"MG-2","codes":["omslag_young_mother"]},
 {"key":"young_adult","label":{"nl":"Omslag Jongeren na MO en Jeugdzorg met verblijf","en":"Omslag young people after shelter and residential youth care"},"mainGroup":"MG-2","codes":["omslag_young_adult"]},
 {"key":"hf_youth","label":{"nl":"Housing First Jeugd","en":"Housing First youth"},"mainGroup":"MG-2","codes":["housing_first_youth"]},
 {"key":"outflow","label":{"nl":"Uitstroom MO Volwassenen","en":"Outflow from shelter, adults"},"mainGroup":"MG-2","codes":["mo_adult_outflow"]},
 {"key":"mpg","label":{"nl":"(O)MPG gezinnen","en":"(Nuisance-causing) multi-problem families"},"mainGroup":"MG-2","codes":["multi_problem_family"]},
 {"key":"bullying","label":{"nl":"Treiteraanpak","en":"Bullying approach"},"mainGroup":"MG-2","codes":["bullying_approach"]},
 {"key":"last_new_chance","label":{"nl":"Laatste Kans & Nieuwe Kans","en":"Last Chance & New Chance"},"mainGroup":"MG-2","codes":["last_new_chance"]},
 {"key":"verbond","label":{"nl":"Het Verbond/Experimenteerruimte","en":"Het Verbond/experimentation space"},"mainGroup":"MG-2","codes":["verbond_experiment"]},
 {"key":"sh_regular","label":{"nl":"Statushouders regulier","en":"Statushouders, regular"},"mainGroup":"MG-3","codes":["statushouder_regular"]},
 {"key":"sh_ruggensteun","label":{"nl":"Statushouders Ruggensteun","en":"Statushouders, Ruggensteun"},"mainGroup":"MG-3","codes":["statushouder_ruggensteun"]}
]'::jsonb);

-- Imports of historical placements (POST /api/v1/imports/placements): one row per upload.
CREATE TABLE placement_imports (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  filename       text,
  status         text NOT NULL CHECK (status IN ('succeeded','partial','rejected')),
  partial        boolean NOT NULL DEFAULT false,
  rows_total     integer NOT NULL DEFAULT 0,
  rows_accepted  integer NOT NULL DEFAULT 0,
  rows_rejected  integer NOT NULL DEFAULT 0,
  inserted       integer NOT NULL DEFAULT 0,
  updated        integer NOT NULL DEFAULT 0,
  -- The first rejections (row number, field, reason in Dutch and English); the count is in rows_rejected.
  rejections     jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_by     uuid REFERENCES users(id),
  organisation_id uuid REFERENCES organisations(id),
  started_at     timestamptz NOT NULL,
  finished_at    timestamptz NOT NULL
);
CREATE INDEX placement_imports_started_idx ON placement_imports (started_at DESC);

-- A placement is one housed (or still waiting) household: the unit of M-03 and the wait-time metrics.
CREATE TABLE placements (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  placement_id          text NOT NULL UNIQUE CHECK (length(placement_id) BETWEEN 1 AND 64),
  municipality_id       uuid NOT NULL REFERENCES organisations(id),
  corporation_id        uuid REFERENCES organisations(id),
  target_group          text NOT NULL REFERENCES target_groups(code),
  -- R-MO-22/R-MO-23: the start of the measured wait (active mediation or urgency granted).
  active_mediation_date date,
  -- Delivery date (monitor.md §11): the lease signing.
  lease_signed_date     date,
  move_reason           text NOT NULL DEFAULT 'regular' CHECK (move_reason IN ('regular','perspective_reassessment','swap')),
  persons               integer NOT NULL DEFAULT 1 CHECK (persons BETWEEN 1 AND 30),
  -- M-21/M-23a: statushouders housed in a corporation dwelling or in a housing project.
  route                 text NOT NULL DEFAULT 'corporation_dwelling' CHECK (route IN ('corporation_dwelling','housing_project')),
  wheelchair_dwelling   boolean NOT NULL DEFAULT false,
  district              text CHECK (length(district) BETWEEN 1 AND 100),
  neighbourhood         text CHECK (length(neighbourhood) BETWEEN 1 AND 100),
  -- M-22a: a dwelling has been allocated (offer accepted) but the lease is not signed yet.
  allocated_on          date,
  trajectory_id         uuid UNIQUE REFERENCES trajectories(id),
  source                text NOT NULL CHECK (source IN ('import','trajectory','matching')),
  import_id             uuid REFERENCES placement_imports(id),
  version               integer NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL,
  updated_at            timestamptz NOT NULL,
  CHECK (lease_signed_date IS NULL OR active_mediation_date IS NULL OR lease_signed_date >= active_mediation_date),
  CHECK (active_mediation_date IS NOT NULL OR lease_signed_date IS NOT NULL),
  CHECK (lease_signed_date IS NULL OR corporation_id IS NOT NULL OR route = 'housing_project')
);
-- The monitor reads a year of deliveries by lease date: a covering index makes it an index-only range scan.
CREATE INDEX placements_delivery_idx ON placements (lease_signed_date)
  INCLUDE (municipality_id, corporation_id, target_group, move_reason, active_mediation_date, persons, route, wheelchair_dwelling, district, neighbourhood)
  WHERE lease_signed_date IS NOT NULL;
-- M-17: households still waiting (no lease yet); those let after a past month end come from placements_delivery_idx.
CREATE INDEX placements_open_idx ON placements (active_mediation_date) INCLUDE (municipality_id, target_group, move_reason, corporation_id)
  WHERE lease_signed_date IS NULL;
-- M-22a: statushouder households with a dwelling allocated but no signed lease yet.
CREATE INDEX placements_allocated_idx ON placements (allocated_on) WHERE allocated_on IS NOT NULL;
-- M-22: persons housed per target group over earlier years (the backlog carried forward) without scanning other groups.
CREATE INDEX placements_group_delivery_idx ON placements (target_group, lease_signed_date) INCLUDE (municipality_id, persons, move_reason)
  WHERE lease_signed_date IS NOT NULL;
