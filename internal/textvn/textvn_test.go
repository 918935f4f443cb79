package textvn

import (
	"bytes"
	"slices"
	"testing"
)

func TestFold(t *testing.T) {
	for in, want := range map[string]string{"Nguyễn Văn Đức": "nguyen van duc", "Bắc Giang": "bac giang", "ĐẢNG BỘ": "dang bo"} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
	if !NewQuery("thi huong").Match(Fold("Trần Thị Hương")) || NewQuery("hung").Match(Fold("Trần Thị Hương")) {
		t.Error("Query.Match")
	}
}

func TestSortByGivenName(t *testing.T) {
	names := []string{"Trần Văn Bình", "Nguyễn Thị Ánh", "Lê An", "Phạm Đức Anh", "Đỗ Văn Đạt", "Vũ Văn Dũng"}
	c := NewCollator()
	slices.SortFunc(names, c.ComparePeople)
	want := []string{"Lê An", "Phạm Đức Anh", "Nguyễn Thị Ánh", "Trần Văn Bình", "Vũ Văn Dũng", "Đỗ Văn Đạt"}
	if !slices.Equal(names, want) {
		t.Fatalf("got %v\nwant %v", names, want)
	}
	byKey := slices.Clone(names)
	slices.Reverse(byKey)
	slices.SortFunc(byKey, func(a, b string) int { return bytes.Compare(c.Key(a), c.Key(b)) })
	if !slices.Equal(byKey, want) {
		t.Fatalf("by key: got %v\nwant %v", byKey, want)
	}
}
