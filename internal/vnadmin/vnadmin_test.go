package vnadmin

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// period is one row of units.csv, with parsed dates (to zero = open).
type period struct {
	row      map[string]string
	from, to time.Time
}

func (p period) at(d time.Time) bool {
	return !d.Before(p.from) && (p.to.IsZero() || d.Before(p.to))
}

func day(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatalf("bad date %q: %v", s, err)
	}
	return d
}

// maps turns a table into one map per row, keyed by the header.
func maps(t *testing.T, table [][]string) []map[string]string {
	t.Helper()
	if len(table) == 0 {
		t.Fatal("empty table")
	}
	var out []map[string]string
	for _, r := range table[1:] {
		if len(r) != len(table[0]) {
			t.Fatalf("row %v has %d cells, header %d", r, len(r), len(table[0]))
		}
		m := make(map[string]string, len(r))
		for i, k := range table[0] {
			m[k] = r[i]
		}
		out = append(out, m)
	}
	return out
}

type fixture struct {
	t     *Tables
	units map[string][]period // by id, in row order
	all   []period
	restr []map[string]string
}

func load(t *testing.T) fixture {
	t.Helper()
	tb, err := Bundle()
	if err != nil {
		t.Fatal(err)
	}
	f := fixture{t: tb, units: map[string][]period{}, restr: maps(t, tb.Restructure)}
	for _, r := range maps(t, tb.Units) {
		p := period{row: r, from: day(t, r["valid_from"])}
		if r["valid_to"] != "" {
			p.to = day(t, r["valid_to"])
		}
		f.units[r["id"]] = append(f.units[r["id"]], p)
		f.all = append(f.all, p)
	}
	return f
}

// count returns the number of units of each kind that exist on d.
func (f fixture) count(d time.Time) map[string]int {
	n := map[string]int{}
	for _, p := range f.all {
		if p.at(d) {
			n[p.row["kind"]]++
		}
	}
	return n
}

func TestCounts(t *testing.T) {
	f := load(t)
	for _, c := range []struct {
		date string
		want map[string]int
	}{
		{"2025-06-30", map[string]int{"province": 63, "district": 696, "commune": 10035}},
		{"2025-07-01", map[string]int{"province": 34, "commune": 3321}},
	} {
		if got := f.count(day(t, c.date)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.date, got, c.want)
		}
	}
}

func TestColumnsAndKeys(t *testing.T) {
	f := load(t)
	spec := map[string][]string{ // bundle-v1 column keys
		"units":       {"id", "name", "kind", "parent_id", "locality_id", "host_id", "subtype", "sector", "ownership", "admin_code", "valid_from", "valid_to"},
		"restructure": {"event_id", "date", "kind", "from_unit_id", "to_unit_id", "document_id"},
		"documents":   {"id", "number", "kind", "issuer_id", "issued_on", "title", "replaces_id"},
	}
	for name, table := range map[string][][]string{"units": f.t.Units, "restructure": f.t.Restructure, "documents": f.t.Documents} {
		if !reflect.DeepEqual(table[0], spec[name]) {
			t.Errorf("%s header %v, want %v", name, table[0], spec[name])
		}
	}
	seen := map[[2]string]bool{}
	for _, p := range f.all {
		r := p.row
		k := [2]string{r["id"], r["valid_from"]}
		if seen[k] {
			t.Errorf("duplicate unit key %v", k)
		}
		seen[k] = true
		if r["id"] == "" || r["name"] == "" || r["subtype"] == "" || r["admin_code"] == "" {
			t.Errorf("unit %v: missing value", r)
		}
		if r["locality_id"] != "" || r["sector"] != "" {
			t.Errorf("unit %s: locality_id or sector set", r["id"])
		}
		if !p.to.IsZero() && !p.from.Before(p.to) {
			t.Errorf("unit %s: period ends before it starts", r["id"])
		}
	}
	keys := map[[3]string]bool{}
	kinds := map[string]int{}
	for _, r := range f.restr {
		k := [3]string{r["event_id"], r["from_unit_id"], r["to_unit_id"]}
		if keys[k] {
			t.Errorf("duplicate restructure key %v", k)
		}
		keys[k] = true
		kinds[r["kind"]]++
		if r["date"] != ReformDate {
			t.Errorf("row %v: date", r)
		}
	}
	// 63 provinces + 9,575 whole communes + 5 island districts; 1,012 partial rows; 696 − 5 districts.
	if want := map[string]int{"merge": 9643, "split": 1012, "dissolve": 691}; !reflect.DeepEqual(kinds, want) {
		t.Errorf("restructure kinds %v, want %v", kinds, want)
	}
}

func TestReferences(t *testing.T) {
	f := load(t)
	for _, p := range f.all {
		id := p.row["parent_id"]
		if id == "" {
			if p.row["kind"] != "province" {
				t.Errorf("unit %s has no parent", p.row["id"])
			}
			continue
		}
		ok := false
		for _, q := range f.units[id] {
			ok = ok || (!p.from.Before(q.from) && (q.to.IsZero() || (!p.to.IsZero() && !q.to.Before(p.to))))
		}
		if !ok {
			t.Errorf("unit %s: parent %s does not exist over its period", p.row["id"], id)
		}
	}
	docs := map[string]bool{}
	for _, d := range maps(t, f.t.Documents) {
		docs[d["id"]] = true
	}
	for _, r := range f.restr {
		for _, c := range []string{"from_unit_id", "to_unit_id"} {
			if id := r[c]; id != "" && f.units[id] == nil {
				t.Errorf("restructure %s: %s %s does not resolve", r["event_id"], c, id)
			}
		}
		if d := r["document_id"]; d != "" && !docs[d] {
			t.Errorf("restructure %s: document %s does not resolve", r["event_id"], d)
		}
		if (r["document_id"] != "") != strings.HasPrefix(r["event_id"], "NQ2025-P") {
			t.Errorf("restructure %v: document only on province rows", r)
		}
	}
}

func TestRestructureAgreesWithPeriods(t *testing.T) {
	f := load(t)
	reform := day(t, ReformDate)
	from, to := map[string]bool{}, map[string]bool{}
	for _, r := range f.restr {
		if id := r["from_unit_id"]; id != "" {
			from[id] = true
			if ps := f.units[id]; !ps[len(ps)-1].to.Equal(reform) {
				t.Errorf("%s: from-unit %s last period ends %v", r["event_id"], id, ps[len(ps)-1].to)
			}
		}
		if id := r["to_unit_id"]; id != "" {
			to[id] = true
			if ps := f.units[id]; !ps[0].from.Equal(reform) {
				t.Errorf("%s: to-unit %s first period starts %v", r["event_id"], id, ps[0].from)
			}
		}
	}
	// Every unit that ends or starts at the reform is explained by an event.
	for id, ps := range f.units {
		if ps[len(ps)-1].to.Equal(reform) && !from[id] {
			t.Errorf("unit %s ends at the reform without an event", id)
		}
		if ps[0].from.Equal(reform) && !to[id] {
			t.Errorf("unit %s starts at the reform without an event", id)
		}
	}
}

func TestBacGiang(t *testing.T) {
	f := load(t)
	children := func(parent string) (ids []string) {
		for _, p := range f.all {
			if p.row["parent_id"] == parent {
				ids = append(ids, p.row["id"])
			}
		}
		return ids
	}
	districts := children("VN1-24")
	communes := 0
	for _, d := range districts {
		communes += len(children(d))
	}
	if len(districts) != 10 || communes != 192 {
		t.Errorf("VN1-24: %d districts, %d communes; want 10, 192", len(districts), communes)
	}
	if n := f.units["VN2-24"][0].row["name"]; n != "Tỉnh Bắc Ninh" {
		t.Errorf("VN2-24 is %q", n)
	}
	if n := len(children("VN2-24")); n != 99 {
		t.Errorf("VN2-24 has %d communes, want 99", n)
	}
}

func TestSpecialUnits(t *testing.T) {
	f := load(t)
	for id, want := range map[string][2]string{
		"VN1-318":   {"district", "huyen"},
		"VN2-11948": {"commune", "dac_khu"},
		"VN1-769":   {"district", "thanh_pho_thuoc_tp"},
		"VN1-79":    {"province", "thanh_pho_tw"},
		"VN1-24":    {"province", "tinh"},
	} {
		r := f.units[id][0].row
		if got := [2]string{r["kind"], r["subtype"]}; got != want {
			t.Errorf("%s: kind/subtype %v, want %v", id, got, want)
		}
	}
	var island []map[string]string
	for _, r := range f.restr {
		if r["event_id"] == "NQ2025-11948" {
			island = append(island, r)
		}
	}
	if len(island) != 1 || island[0]["kind"] != "merge" || island[0]["from_unit_id"] != "VN1-318" {
		t.Errorf("Bạch Long Vĩ event: %v", island)
	}
}

func TestWriteCSVDir(t *testing.T) {
	tb, err := Bundle()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "bundle")
	if err := WriteCSVDir(tb, dir); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string][][]string{"units.csv": tb.Units, "restructure.csv": tb.Restructure, "documents.csv": tb.Documents} {
		file, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		got, err := csv.NewReader(file).ReadAll()
		file.Close()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s does not read back as written", name)
		}
	}
}

func TestNotice(t *testing.T) {
	for _, s := range []string{"Copyright (c) 2021 Thang Le Quoc", "Copyright (c) 2025 dvhcvn",
		"Permission is hereby granted, free of charge", "THE SOFTWARE IS PROVIDED \"AS IS\""} {
		if !strings.Contains(Notice, s) {
			t.Errorf("Notice lacks %q", s)
		}
	}
}
