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
	if !Contains(Fold("Trần Thị Hương"), "thi huong") || Contains(Fold("Trần Thị Hương"), "hung") {
		t.Error("Contains")
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
