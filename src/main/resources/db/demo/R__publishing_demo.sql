-- Demo newsletter requests (publishing): one at the praksis.dk editors' desk, approved by the hospital management
-- through its link, and one sent and published on the news page. Written by the demo consultant 'pko'.
INSERT INTO publishing_request (region_code, author_user_id, author_name, author_email, headline, body, on_site, summary,
    audience, hospital_unit_id, sender, co_sender, latest_date, status, approval_round, submitted_at)
SELECT '1082', u.id, 'Peter Praksiskonsulent', 'pko@example.dk', 'Ny telefontid i Akutmodtagelsen',
       'Fra 1. marts kan praktiserende læger ringe direkte til Akutmodtagelsens visitation mellem kl. 8 og 22.',
       false, NULL, 'CATCHMENT', h.id, 'Akutmodtagelsen, Aarhus Universitetshospital', 'Peter Praksiskonsulent',
       current_date + 21, 'RECEIVED', 1, now()
FROM app_user u, hospital_unit h
WHERE u.username = 'pko' AND h.name = 'Aarhus Universitetshospital'
  AND NOT EXISTS (SELECT 1 FROM publishing_request WHERE headline = 'Ny telefontid i Akutmodtagelsen');
INSERT INTO publishing_approver (request_id, party, name, email)
SELECT r.id, 'MANAGEMENT', 'Vicedirektør Ida Lund', 'ida.lund@example.dk'
FROM publishing_request r WHERE r.headline = 'Ny telefontid i Akutmodtagelsen'
ON CONFLICT DO NOTHING;
INSERT INTO publishing_approval (request_id, round, party, approver_name, approver_email, decision, decided_by,
    decided_how, decided_at, link_used_at)
SELECT r.id, 1, 'MANAGEMENT', 'Vicedirektør Ida Lund', 'ida.lund@example.dk', 'APPROVED', 'Ida Lund', 'LINK', now(), now()
FROM publishing_request r WHERE r.headline = 'Ny telefontid i Akutmodtagelsen'
ON CONFLICT DO NOTHING;

INSERT INTO publishing_request (region_code, author_user_id, author_name, author_email, headline, body, on_site, summary,
    audience, sender, co_sender, latest_date, status, approval_round, submitted_at, sent_at, recipients, published_at)
SELECT '1082', u.id, 'Peter Praksiskonsulent', 'pko@example.dk', 'Ændret henvisning til hjertesvigtsklinikken',
       'Hjertesvigtsklinikken modtager fra nu henvisninger med NT-proBNP over 125 ng/l.' || chr(10)
           || 'Henvisningen skal indeholde EKG og aktuel medicin.',
       true, 'Ny grænse for NT-proBNP ved henvisning til hjertesvigtsklinikken.', 'REGION',
       'Hjertesygdomme, Aarhus Universitetshospital', 'Peter Praksiskonsulent', current_date, 'SENT', 1,
       now() - interval '3 days', now() - interval '1 day', 0, now() - interval '1 day'
FROM app_user u
WHERE u.username = 'pko'
  AND NOT EXISTS (SELECT 1 FROM publishing_request WHERE headline = 'Ændret henvisning til hjertesvigtsklinikken');
