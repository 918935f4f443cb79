package bundle

import (
	"maps"
	"testing"
)

// TestKeyRoundTrip: a key with ";", "=" and "\" in its values reads back as written.
func TestKeyRoundTrip(t *testing.T) {
	f := FileByName("qualifications")
	cells := make([]string, len(f.Columns))
	cells[f.Index("person_id")], cells[f.Index("kind")], cells[f.Index("level")] = `P;1`, `a=b`, `c\d;`
	s := EncodeKey(f, cells)
	if s != `person_id=P\;1;kind=a\=b;level=c\\d\;` {
		t.Fatalf("encoded: %s", s)
	}
	got, err := ParseKey(s)
	want := map[string]string{"person_id": "P;1", "kind": "a=b", "level": `c\d;`}
	if err != nil || !maps.Equal(got, want) {
		t.Fatalf("parsed: %v %v", got, err)
	}
	for _, bad := range []string{"", "person_id", "=x", "a=1;;b=2"} {
		if _, err := ParseKey(bad); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}
