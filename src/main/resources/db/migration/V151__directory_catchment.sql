-- The catchment area (optageområde) of a hospital unit (module directory): the municipalities whose general
-- practitioners the unit's practice coordinator invites to evening meetings and sends PKOrientering to (seed 003).
-- The handbook names no municipalities per unit; Region Midtjylland's defaults below are ours (design) and the
-- administrator edits them with the unit. Psykiatrien's coordinator covers the whole region.
CREATE TABLE hospital_unit_catchment
(
    hospital_unit_id  BIGINT  NOT NULL REFERENCES hospital_unit (id) ON DELETE CASCADE,
    municipality_code CHAR(4) NOT NULL REFERENCES municipality (code),
    PRIMARY KEY (hospital_unit_id, municipality_code)
);
CREATE INDEX hospital_unit_catchment_municipality_idx ON hospital_unit_catchment (municipality_code);

INSERT INTO hospital_unit_catchment (hospital_unit_id, municipality_code)
SELECT h.id, m.code
FROM (VALUES ('Aarhus Universitetshospital', '0751'),
             ('Aarhus Universitetshospital', '0727'),
             ('Aarhus Universitetshospital', '0741'),
             ('Regionshospitalet Randers', '0730'),
             ('Regionshospitalet Randers', '0706'),
             ('Regionshospitalet Randers', '0707'),
             ('Regionshospitalet Randers', '0710'),
             ('Regionshospitalet Horsens', '0615'),
             ('Regionshospitalet Horsens', '0766'),
             ('Regionshospitalet Horsens', '0746'),
             ('Hospitalsenhed Midt', '0791'),
             ('Hospitalsenhed Midt', '0740'),
             ('Hospitalsenhed Midt', '0779'),
             ('Regionshospitalet Gødstrup', '0657'),
             ('Regionshospitalet Gødstrup', '0661'),
             ('Regionshospitalet Gødstrup', '0756'),
             ('Regionshospitalet Gødstrup', '0760'),
             ('Regionshospitalet Gødstrup', '0671'),
             ('Regionshospitalet Gødstrup', '0665')) AS d (unit, code)
         JOIN hospital_unit h ON h.name = d.unit
         JOIN municipality m ON m.code = d.code AND m.region_code = h.region_code
UNION ALL
SELECT h.id, m.code
FROM hospital_unit h
         JOIN municipality m ON m.region_code = h.region_code
WHERE h.name = 'Psykiatrien i Region Midtjylland'
ON CONFLICT DO NOTHING;
