package web

import "testing"

// TestSafeNext: after sign-in, only a path of this site is followed; anything
// a browser could resolve to another host becomes "/".
func TestSafeNext(t *testing.T) {
	t.Parallel()
	for next, want := range map[string]string{
		"/":                               "/",
		"/don-vi/H1?ngay=2018-01-01":      "/don-vi/H1?ngay=2018-01-01",
		"/nhan-su?q=tr%E1%BA%A7n&trang=2": "/nhan-su?q=tr%E1%BA%A7n&trang=2",
		"/don-vi/Huy%E1%BB%87n%20A":       "/don-vi/Huy%E1%BB%87n%20A",
		"":                                "/",
		"don-vi":                          "/",
		"//evil.example":                  "/",
		"/\\evil.example":                 "/",
		"\\\\evil.example":                "/",
		"/\t/evil.example":                "/",
		"/\n/evil.example":                "/",
		"/\r/evil.example":                "/",
		"/ /evil.example":                 "/",
		"\t//evil.example":                "/",
		"/%2F/evil.example":               "/",
		"/%2f%2fevil.example":             "/",
		"/%5C/evil.example":               "/",
		"/%09/evil.example":               "/",
		"https://evil.example/":           "/",
		"http:/evil.example":              "/",
		"javascript:alert(1)":             "/",
		"/x\x00":                          "/",
		"/x\x7f":                          "/",
		"/don-vi#\t//evil":                "/",
	} {
		if got := safeNext(next); got != want {
			t.Errorf("safeNext(%q) = %q, want %q", next, got, want)
		}
	}
}
