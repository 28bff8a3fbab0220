-- Reference data (module directory): Region Midtjylland's six hospital units ("seks hospitalsenheder", PKO
-- handbook 2023). Until now they came with the demo data only; the PKO registers need them everywhere.
INSERT INTO hospital_unit (name, region_code) VALUES
    ('Aarhus Universitetshospital', '1082'),
    ('Regionshospitalet Randers', '1082'),
    ('Regionshospitalet Horsens', '1082'),
    ('Hospitalsenhed Midt', '1082'),
    ('Regionshospitalet Gødstrup', '1082'),
    ('Psykiatrien i Region Midtjylland', '1082')
ON CONFLICT (name) DO NOTHING;
