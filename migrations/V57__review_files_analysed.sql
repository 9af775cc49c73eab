-- A changed file nested too deeply for the review's syntax rules and analyses to walk (generated or hostile code)
-- is kept with only its line rules' findings, and said so; reviews saved before this had every file analysed.
ALTER TABLE review_files ADD COLUMN analysed BOOLEAN DEFAULT TRUE NOT NULL;
