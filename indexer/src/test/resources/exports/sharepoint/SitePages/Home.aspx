<html><head><title>HR Home</title></head><body><div role="main"><h2>Benefits</h2><p>Health cover starts on day one.</p></div></body></html>
