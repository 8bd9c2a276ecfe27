-- The child's location is kept no finer than about 1 km (search/LocationGrid): with "at
-- home" exact coordinates are the child's home address. Points stored before the matcher
-- coarsened them at intake move to the same grid, 0.01 degrees of latitude by 0.015 of
-- longitude.
update referrals set lat = round(lat * 100) / 100, lon = round(lon / 0.015) * 15 / 1000;
