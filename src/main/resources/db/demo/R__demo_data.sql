-- Demo data, loaded only when samspil.demo is true (the default with the embedded database).
-- Every demo user has the password "samspil". Names, ydernumre and e-mail addresses are made up.
-- Idempotent: rerun whenever this file changes, it adds what is missing and changes nothing else.

INSERT INTO cluster (name, region_code, municipality_code) VALUES
    ('Demoklyngen', '1082', '0751'),
    ('Vestklyngen', '1082', '0657'),
    ('Nordklyngen', '1081', '0851')
ON CONFLICT (name) DO NOTHING;

INSERT INTO practice (cluster_id, ydernummer, name, listed_patients, confirmed)
SELECT c.id, p.ydernummer, p.name, p.listed_patients, true
FROM (VALUES
    ('Demoklyngen', '100101', 'Lægerne ved Åen', 6120),
    ('Demoklyngen', '100102', 'Lægehuset Trøjborg', 4380),
    ('Demoklyngen', '100103', 'Lægerne i Viby', 8950),
    ('Demoklyngen', '100104', 'Frederiksbjerg Lægehus', 3210),
    ('Demoklyngen', '100105', 'Lægeklinikken Skejby', 5470),
    ('Demoklyngen', '100106', 'Lægerne på Havnen', 2890),
    ('Vestklyngen', '200201', 'Lægehuset Herning Midt', 7340),
    ('Vestklyngen', '200202', 'Lægerne i Sunds', 3120),
    ('Vestklyngen', '200203', 'Lægeklinikken Lind', 4560),
    ('Nordklyngen', '300301', 'Lægerne i Nørresundby', 6670),
    ('Nordklyngen', '300302', 'Aalborg Øst Lægehus', 5230)
) AS p(cluster_name, ydernummer, name, listed_patients)
JOIN cluster c ON c.name = p.cluster_name
WHERE NOT EXISTS (SELECT 1 FROM practice x WHERE x.ydernummer = p.ydernummer)
ON CONFLICT DO NOTHING;

INSERT INTO member (cluster_id, name, email, practice_id)
SELECT c.id, m.name, m.email, (SELECT id FROM practice WHERE ydernummer = m.ydernummer AND cluster_id = c.id)
FROM (VALUES
    ('Demoklyngen', 'Anne Kjær', 'anne.kjaer@example.dk', '100101'),
    ('Demoklyngen', 'Bo Mikkelsen', 'bo.mikkelsen@example.dk', '100101'),
    ('Demoklyngen', 'Camilla Østergaard', 'camilla.ostergaard@example.dk', '100102'),
    ('Demoklyngen', 'Dorthe Lund', 'dorthe.lund@example.dk', '100103'),
    ('Demoklyngen', 'Erik Sørensen', 'erik.sorensen@example.dk', '100103'),
    ('Demoklyngen', 'Frederik Holm', 'frederik.holm@example.dk', '100103'),
    ('Demoklyngen', 'Gitte Bach', 'gitte.bach@example.dk', '100104'),
    ('Demoklyngen', 'Hans Jørgensen', 'hans.jorgensen@example.dk', '100105'),
    ('Demoklyngen', 'Ida Thomsen', 'ida.thomsen@example.dk', '100105'),
    ('Demoklyngen', 'Jens Ravn', 'jens.ravn@example.dk', '100106'),
    ('Demoklyngen', 'Karen Nielsen (sygeplejerske)', 'karen.nielsen@example.dk', '100103'),
    ('Vestklyngen', 'Lars Vestergaard', 'lars.vestergaard@example.dk', '200201'),
    ('Vestklyngen', 'Mette Brandt', 'mette.brandt@example.dk', '200202'),
    ('Vestklyngen', 'Niels Krog', 'niels.krog@example.dk', '200203'),
    ('Nordklyngen', 'Ole Hedegaard', 'ole.hedegaard@example.dk', '300301'),
    ('Nordklyngen', 'Pia Dahl', 'pia.dahl@example.dk', '300302')
) AS m(cluster_name, name, email, ydernummer)
JOIN cluster c ON c.name = m.cluster_name
ON CONFLICT DO NOTHING;

INSERT INTO hospital_unit (name, region_code) VALUES
    ('Aarhus Universitetshospital', '1082'),
    ('Regionshospitalet Gødstrup', '1082'),
    ('Regionshospitalet Randers', '1082'),
    ('Regionshospitalet Horsens', '1082'),
    ('Hospitalsenhed Midt', '1082'),
    ('Psykiatrien i Region Midtjylland', '1082')
ON CONFLICT (name) DO NOTHING;

INSERT INTO app_user (username, password_hash, display_name, email, role, provider_code, cluster_id, municipality_code)
SELECT u.username, '{bcrypt}$2a$10$k0ISzOED5MhGtW0cdTVl1O2jGlAcVpnX2JFJKelfh58thnj6aBlei', u.display_name, u.email, u.role, u.provider_code,
       (SELECT id FROM cluster WHERE name = u.cluster_name), u.municipality_code
FROM (VALUES
    ('konsulent', 'Karin Konsulent (KiAP)', 'konsulent@example.dk', 'CONSULTANT', 'KIAP', NULL, NULL),
    ('midtkraft', 'Mads Konsulent (MidtKraft)', 'midtkraft@example.dk', 'CONSULTANT', 'MIDTKRAFT', NULL, NULL),
    ('koordinator', 'Anne Kjær (Demoklyngen)', 'anne.kjaer@example.dk', 'COORDINATOR', NULL, 'Demoklyngen', NULL),
    ('medlem', 'Camilla Østergaard (Demoklyngen)', 'camilla.ostergaard@example.dk', 'MEMBER', NULL, 'Demoklyngen', NULL),
    ('koordinator2', 'Lars Vestergaard (Vestklyngen)', 'lars.vestergaard@example.dk', 'COORDINATOR', NULL, 'Vestklyngen', NULL),
    ('kommune', 'Susanne Sygeplejerske (Aarhus Kommune)', 'kommune@example.dk', 'MUNICIPALITY', NULL, NULL, '0751'),
    ('kommune2', 'Henrik Leder (Herning Kommune)', 'kommune2@example.dk', 'MUNICIPALITY', NULL, NULL, '0657'),
    ('pko', 'Peter Praksiskonsulent', 'pko@example.dk', 'PKO_CONSULTANT', NULL, NULL, NULL),
    ('pkokoordinator', 'Pia Praksiskoordinator (AUH)', 'pkokoordinator@example.dk', 'PKO_COORDINATOR', NULL, NULL, NULL),
    ('pkolaege', 'Lars Lægelig Koordinator', 'pkolaege@example.dk', 'PKO_MEDICAL_COORDINATOR', NULL, NULL, NULL),
    ('pkonord', 'Nanna Nordkonsulent (Region Nordjylland)', 'pkonord@example.dk', 'PKO_CONSULTANT', NULL, NULL, NULL),
    ('pkokommune', 'Karen Kommunekonsulent (Aarhus)', 'pkokommune@example.dk', 'PKO_CONSULTANT', NULL, NULL, NULL),
    ('redaktoer', 'Rikke Redaktør (praksis.dk)', 'redaktoer@example.dk', 'EDITOR', NULL, NULL, NULL),
    ('admin', 'Administrator', 'admin@example.dk', 'ADMIN', NULL, NULL, NULL)
) AS u(username, display_name, email, role, provider_code, cluster_name, municipality_code)
ON CONFLICT (username) DO NOTHING;
UPDATE app_user SET role = 'PKO_CONSULTANT' WHERE username = 'pko' AND role <> 'PKO_CONSULTANT';

-- The demo PKO people of Region Midtjylland: the consultant for two AUH departments, AUH's coordinator and the
-- medical coordinator, each linked to their demo user; one municipal consultant without an account.
INSERT INTO pko_person (region_code, kind, name, email, phone, practice, user_id)
SELECT '1082', p.kind, p.name, p.email, p.phone, p.practice, (SELECT id FROM app_user WHERE username = p.username)
FROM (VALUES
    ('pko', 'CONSULTANT', 'Peter Praksiskonsulent', 'pko@example.dk', '86 12 34 56', 'Lægerne ved Åen'),
    ('pkokoordinator', 'COORDINATOR', 'Pia Praksiskoordinator', 'pkokoordinator@example.dk', '86 12 34 57', 'Lægehuset Trøjborg'),
    ('pkolaege', 'MEDICAL_COORDINATOR', 'Lars Lægelig Koordinator', 'pkolaege@example.dk', '86 12 34 58', 'Lægerne i Viby'),
    (NULL, 'CONSULTANT', 'Kirsten Kommunekonsulent', 'kirsten.kommunekonsulent@example.dk', '97 12 34 56', 'Lægehuset Herning Midt')
) AS p(username, kind, name, email, phone, practice)
WHERE NOT EXISTS (SELECT 1 FROM pko_person x WHERE x.email = p.email);
-- Another region's consultant: sees nothing of Region Midtjylland's scheme.
INSERT INTO pko_person (region_code, kind, name, email, phone, practice, user_id)
SELECT '1081', 'CONSULTANT', 'Nanna Nordkonsulent', 'pkonord@example.dk', '98 12 34 56', 'Lægerne i Nørresundby',
       (SELECT id FROM app_user WHERE username = 'pkonord')
WHERE NOT EXISTS (SELECT 1 FROM pko_person x WHERE x.email = 'pkonord@example.dk');

-- Aarhus Kommune's municipal practice consultant, with an account: plans collaboration meetings and reviews the
-- correspondence with the home care.
INSERT INTO pko_person (region_code, kind, name, email, phone, practice, user_id)
SELECT '1082', 'CONSULTANT', 'Karen Kommunekonsulent', 'pkokommune@example.dk', '89 40 20 00', 'Lægerne i Viby',
       (SELECT id FROM app_user WHERE username = 'pkokommune')
WHERE NOT EXISTS (SELECT 1 FROM pko_person x WHERE x.email = 'pkokommune@example.dk');

INSERT INTO pko_attachment (person_id, department_id)
SELECT p.id, d.id FROM pko_person p, pko_department d JOIN hospital_unit h ON h.id = d.hospital_unit_id
WHERE p.email = 'pko@example.dk' AND h.name = 'Aarhus Universitetshospital' AND d.name IN ('Hjertesygdomme', 'Lungesygdomme')
ON CONFLICT DO NOTHING;
INSERT INTO pko_attachment (person_id, hospital_unit_id)
SELECT p.id, h.id FROM pko_person p, hospital_unit h
WHERE p.email = 'pkokoordinator@example.dk' AND h.name = 'Aarhus Universitetshospital'
ON CONFLICT DO NOTHING;
INSERT INTO pko_attachment (person_id, municipality_code)
SELECT p.id, '0657' FROM pko_person p WHERE p.email = 'kirsten.kommunekonsulent@example.dk'
ON CONFLICT DO NOTHING;
INSERT INTO pko_attachment (person_id, municipality_code)
SELECT p.id, '0851' FROM pko_person p WHERE p.email = 'pkonord@example.dk'
ON CONFLICT DO NOTHING;
INSERT INTO pko_attachment (person_id, municipality_code)
SELECT p.id, '0751' FROM pko_person p WHERE p.email = 'pkokommune@example.dk'
ON CONFLICT DO NOTHING;

-- This year's contracts: the consultant's for Hjertesygdomme (120 hours a year, AUH pays), the coordinator's
-- (Koncern Kvalitet pays), the municipal consultant's paid by hours used (Herning Kommune).
INSERT INTO pko_contract (person_id, attachment_id, payer_unit_id, payer_municipality_code, payer_body_id, starts_on,
                          ends_on, payment, fixed_hours_per_year)
SELECT p.id, a.id, c.unit_id, c.municipality_code, c.body_id, date_trunc('year', current_date)::date,
       (date_trunc('year', current_date) + interval '1 year - 1 day')::date, c.payment, c.fixed_hours
FROM (VALUES
    ('pko@example.dk', 'Hjertesygdomme', (SELECT id FROM hospital_unit WHERE name = 'Aarhus Universitetshospital'), NULL, NULL, 'FIXED', 120),
    ('pkokoordinator@example.dk', NULL, NULL, NULL, (SELECT id FROM pko_partner_body WHERE region_code = '1082' AND kind = 'QUALITY_UNIT'), 'FIXED', 300),
    ('kirsten.kommunekonsulent@example.dk', NULL, NULL, '0657', NULL, 'BY_HOURS', NULL)
) AS c(email, department, unit_id, municipality_code, body_id, payment, fixed_hours)
JOIN pko_person p ON p.email = c.email
LEFT JOIN pko_attachment a ON a.person_id = p.id
     AND a.department_id = (SELECT d.id FROM pko_department d JOIN hospital_unit h ON h.id = d.hospital_unit_id
                            WHERE h.name = 'Aarhus Universitetshospital' AND d.name = c.department)
WHERE NOT EXISTS (SELECT 1 FROM pko_contract x WHERE x.person_id = p.id);

-- AUH's next meeting of its hospital practice consultants, planned by its coordinator, with its agenda (the meeting
-- itself is the meeting module's: owner kind PKO_MEETING).
INSERT INTO pko_meeting (region_code, kind, hospital_unit_id, meeting_date, start_time, place, created_by)
SELECT '1082', 'UNIT_CONSULTANTS', h.id, current_date + 45, TIME '15:00', 'Konferencerum 1, Aarhus Universitetshospital',
       'pkokoordinator'
FROM hospital_unit h
WHERE h.name = 'Aarhus Universitetshospital'
  AND NOT EXISTS (SELECT 1 FROM pko_meeting x WHERE x.created_by = 'pkokoordinator' AND x.place LIKE 'Konferencerum 1,%');
INSERT INTO meeting (owner_kind, owner_id)
SELECT 'PKO_MEETING', m.id FROM pko_meeting m
WHERE m.created_by = 'pkokoordinator' AND m.place LIKE 'Konferencerum 1,%'
ON CONFLICT DO NOTHING;
UPDATE pko_meeting p SET meeting_id = m.id
FROM meeting m
WHERE m.owner_kind = 'PKO_MEETING' AND m.owner_id = p.id AND p.meeting_id IS NULL;
INSERT INTO meeting_block (meeting_id, position, title, minutes, speaker)
SELECT p.meeting_id, a.position, a.title, a.minutes, a.speaker
FROM pko_meeting p,
     (VALUES (1, 'Velkomst og nyt fra hospitalsledelsen', 15, 'Pia Praksiskoordinator'),
             (2, 'Nyt fra afdelingerne: en runde', 45, ''),
             (3, 'Fyraftensmøder i foråret: ønsker til oplæg', 30, 'Pia Praksiskoordinator')) AS a(position, title, minutes, speaker)
WHERE p.created_by = 'pkokoordinator' AND p.place LIKE 'Konferencerum 1,%'
ON CONFLICT DO NOTHING;

-- AUH's spring evening meeting with its call for talks open, and the consultant's wish for a talk.
INSERT INTO pko_evening_meeting (region_code, hospital_unit_id, meeting_date, start_time, end_time, place, format,
                                 call_deadline, created_by, signup_token)
SELECT '1082', h.id, current_date + 75, TIME '17:00', TIME '20:00', 'Auditorium A, Aarhus Universitetshospital', 'LARGE',
       current_date + 30, 'pkokoordinator',
       replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '')
FROM hospital_unit h
WHERE h.name = 'Aarhus Universitetshospital'
  AND NOT EXISTS (SELECT 1 FROM pko_evening_meeting x WHERE x.created_by = 'pkokoordinator');
INSERT INTO meeting (owner_kind, owner_id)
SELECT 'PKO_EVENING', e.id FROM pko_evening_meeting e WHERE e.created_by = 'pkokoordinator'
ON CONFLICT DO NOTHING;
UPDATE pko_evening_meeting e SET meeting_id = m.id
FROM meeting m
WHERE m.owner_kind = 'PKO_EVENING' AND m.owner_id = e.id AND e.meeting_id IS NULL;
INSERT INTO pko_talk_wish (evening_meeting_id, department_id, person_id, topic, speaker, minutes, late)
SELECT e.id, d.id, p.id, 'Hjertesvigt: opfølgning i almen praksis', 'Overlæge fra Hjertesygdomme', 20, FALSE
FROM pko_evening_meeting e, pko_department d, pko_person p, hospital_unit h
WHERE e.created_by = 'pkokoordinator' AND h.id = d.hospital_unit_id AND h.name = 'Aarhus Universitetshospital'
  AND d.name = 'Hjertesygdomme' AND p.email = 'pko@example.dk'
  AND NOT EXISTS (SELECT 1 FROM pko_talk_wish w WHERE w.evening_meeting_id = e.id);

-- Aarhus Kommune's review of the correspondence with the home care, with a few months' counts, and a collaboration
-- meeting in the Manegemodellen planned by its municipal consultant, taking the review with it.
INSERT INTO pko_km_review (region_code, municipality_code, name, created_by)
SELECT '1082', '0751', 'Korrespondancer med hjemmeplejen i Aarhus', 'pkokommune'
WHERE NOT EXISTS (SELECT 1 FROM pko_km_review x WHERE x.created_by = 'pkokommune');
INSERT INTO pko_km_count (review_id, period_month, topic, sender, response, count)
SELECT r.id, (date_trunc('month', current_date) - c.months_back * interval '1 month')::date, c.topic, c.sender,
       c.response, c.count
FROM pko_km_review r,
     (VALUES (1, 'TREATMENT', 'HOME_NURSING', 'ORDINARY', 42),
             (1, 'GP_QUESTION', 'GP', 'ORDINARY', 17),
             (1, 'ACUTE', 'HOME_CARE', 'URGENT', 5),
             (2, 'TREATMENT', 'HOME_NURSING', 'ORDINARY', 38),
             (2, 'SHORT_MESSAGE', 'HOME_CARE', 'NONE', 23)) AS c(months_back, topic, sender, response, count)
WHERE r.created_by = 'pkokommune'
  AND NOT EXISTS (SELECT 1 FROM pko_km_count x WHERE x.review_id = r.id);

INSERT INTO pko_collaboration_meeting (region_code, municipality_code, person_id, topic_key, consultant_role, goal,
                                       mandate, municipality_pays, format, meeting_date, start_time, place,
                                       km_review_id, created_by)
SELECT '1082', '0751', p.id, 'HOME_CARE_MESSAGES', 'Tovholder og ordstyrer',
       'Fælles aftaler om, hvornår hjemmeplejen og lægerne skriver til hinanden, og hvor hurtigt der svares', 'YES',
       'YES', 'MANEGE', current_date + 40, TIME '16:00', 'Rådhuset, Aarhus', r.id, 'pkokommune'
FROM pko_person p, pko_km_review r
WHERE p.email = 'pkokommune@example.dk' AND r.created_by = 'pkokommune'
  AND NOT EXISTS (SELECT 1 FROM pko_collaboration_meeting x WHERE x.created_by = 'pkokommune');
INSERT INTO meeting (owner_kind, owner_id)
SELECT 'PKO_COLLABORATION', c.id FROM pko_collaboration_meeting c WHERE c.created_by = 'pkokommune'
ON CONFLICT DO NOTHING;
UPDATE pko_collaboration_meeting c SET meeting_id = m.id
FROM meeting m
WHERE m.owner_kind = 'PKO_COLLABORATION' AND m.owner_id = c.id AND c.meeting_id IS NULL;
INSERT INTO pko_collaboration_invitee (collaboration_meeting_id, name, organisation, email)
SELECT c.id, i.name, i.organisation, i.email
FROM pko_collaboration_meeting c,
     (VALUES ('Dorthe Lund', 'Lægerne i Viby', 'dorthe.lund@example.dk'),
             ('Susanne Sygeplejerske', 'Aarhus Kommune, hjemmeplejen', 'kommune@example.dk')) AS i(name, organisation, email)
WHERE c.created_by = 'pkokommune'
ON CONFLICT DO NOTHING;
INSERT INTO pko_manege_case (collaboration_meeting_id, person, story)
SELECT c.id, 'Else, 84 år',
       'Else bor alene og får hjemmepleje tre gange om dagen. Efter en indlæggelse for lungebetændelse er hun '
           || 'blevet mere forvirret, og hjemmeplejen er i tvivl om hendes medicin.'
FROM pko_collaboration_meeting c
WHERE c.created_by = 'pkokommune'
ON CONFLICT DO NOTHING;
INSERT INTO pko_manege_actor (collaboration_meeting_id, kind, name)
SELECT c.id, a.kind, a.name
FROM pko_collaboration_meeting c,
     (VALUES ('GENERAL_PRACTICE', 'Egen læge'), ('MUNICIPAL_CASEWORKER', 'Hjemmeplejen')) AS a(kind, name)
WHERE c.created_by = 'pkokommune'
ON CONFLICT DO NOTHING;
INSERT INTO pko_manege_point (collaboration_meeting_id, title, description)
SELECT c.id, 'Hjem fra hospitalet', 'Else udskrives en fredag eftermiddag med ændret medicin.'
FROM pko_collaboration_meeting c
WHERE c.created_by = 'pkokommune'
  AND NOT EXISTS (SELECT 1 FROM pko_manege_point x WHERE x.collaboration_meeting_id = c.id);
INSERT INTO pko_manege_contribution (point_id, actor_id, text)
SELECT p.id, a.id, t.text
FROM pko_collaboration_meeting c
JOIN pko_manege_point p ON p.collaboration_meeting_id = c.id
JOIN (VALUES ('Egen læge', 'Gennemgår medicinen samme dag, epikrisen er kommet'),
             ('Hjemmeplejen', 'Sender en korrespondance med spørgsmål om den nye dosis')) AS t(actor, text) ON TRUE
JOIN pko_manege_actor a ON a.collaboration_meeting_id = c.id AND a.name = t.actor
WHERE c.created_by = 'pkokommune'
ON CONFLICT DO NOTHING;

-- KiAP's demo consultant is its lead consultant: manages KiAP's consultants at /udbyder/konsulenter.
UPDATE app_user SET lead_consultant = TRUE WHERE username = 'konsulent' AND NOT lead_consultant;
