-- A provider's contact details (module directory), shown on its packages and in its mails.
ALTER TABLE provider ADD COLUMN email TEXT, ADD COLUMN phone TEXT, ADD COLUMN address TEXT;

-- Seed 000: "Kontakt klyngeteamet, hvis I ønsker at arbejde med pakken: klynger@stab.rm.dk"; "Skottenborg 26 DK-8800 Viborg".
UPDATE provider SET email = 'klynger@stab.rm.dk', address = 'Skottenborg 26, 8800 Viborg' WHERE code = 'MIDTKRAFT';
