package tochuc

import "testing"

func TestCodeOfLabel(t *testing.T) {
	for _, tc := range []struct {
		vocab string
		codes []string
		in    string
		want  string
	}{
		{"gender", Genders, "Nam", "male"},
		{"gender", Genders, " nữ ", "female"},
		{"gender", Genders, "NU", "female"},
		{"gender", Genders, "female", "female"},
		{"role", Codes(Roles), "bí thư", "secretary"},
		{"role", Codes(Roles), "Phó bí thư", "deputy_secretary"},
		{"status", MemberStatuses, "Dự bị", "probationary"},
		{"unit_kind", UnitKindCodes(), "Xã, phường, thị trấn", "commune"},
		{"unit_kind", UnitKindCodes(), "xa, phuong, dac khu", "commune"},
		{"document", DocumentKinds, "Quyết định", "decision"},
		{"event", PartyEvents, "kết nạp", "admitted"},
	} {
		if got, ok := CodeOfLabel(tc.vocab, tc.codes, tc.in); !ok || got != tc.want {
			t.Errorf("CodeOfLabel(%s, %q) = %q %v, want %q", tc.vocab, tc.in, got, ok, tc.want)
		}
	}
	if got, ok := CodeOfLabel("gender", Genders, "Nữa"); ok {
		t.Errorf("a word that is no label matched %q", got)
	}
}
