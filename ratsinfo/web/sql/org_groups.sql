-- Working groups under a body.
SELECT key, name, kind FROM organization WHERE parent_key = $key AND NOT deleted ORDER BY name
