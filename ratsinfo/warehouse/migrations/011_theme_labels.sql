-- The policy areas of the Kommunaler Produktrahmen with their German labels, once, for every query that
-- names them (ratsinfo/themes/codes.py holds the same table for the classifier).
CREATE TABLE theme_label (code VARCHAR PRIMARY KEY, label VARCHAR);
INSERT INTO theme_label VALUES
    ('11', 'Innere Verwaltung'), ('12', 'Sicherheit und Ordnung'), ('21', 'Schulträgeraufgaben'),
    ('25', 'Kultur und Wissenschaft'), ('31', 'Soziale Hilfen'), ('36', 'Kinder-, Jugend- und Familienhilfe'),
    ('41', 'Gesundheitsdienste'), ('42', 'Sportförderung'), ('51', 'Räumliche Planung und Entwicklung'),
    ('52', 'Bauen und Wohnen'), ('53', 'Ver- und Entsorgung'), ('54', 'Verkehrsflächen und -anlagen, ÖPNV'),
    ('55', 'Natur- und Landschaftspflege'), ('56', 'Umweltschutz'), ('57', 'Wirtschaft und Tourismus'),
    ('61', 'Allgemeine Finanzwirtschaft');
