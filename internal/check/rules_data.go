package check

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/tochuc/tochuc/internal/textvn"
)

// FoldName is a person's name as DQ-02 compares it: lower case, without
// diacritics, đ as d, one space between words.
func FoldName(name string) string { return strings.Join(strings.Fields(textvn.Fold(name)), " ") }

func personRecord(p Person) Record {
	return Record{File: "people", ID: p.ID, Values: map[string]string{"id": p.ID, "full_name": p.Name,
		"birth_date": p.Birth.String(), "citizen_id": p.CitizenID}}
}

// DQ-01: two or more persons share a non-empty citizen id.
func dq01(ctx context.Context, src Source, p Params, emit func(Finding)) *run {
	return &run{finish: func() error { return dq01People(ctx, src, emit) }}
}

func dq01People(ctx context.Context, src Source, emit func(Finding)) error {
	var group []Person
	flush := func() {
		if len(group) > 1 {
			f := Finding{Basis: dataBasis, Subject: map[string]string{"citizen_id": group[0].CitizenID},
				MessageVi: fmt.Sprintf("%d người cùng số căn cước %s: %s.", len(group), group[0].CitizenID, names(group)),
				MessageEn: fmt.Sprintf("%d people share citizen id %s.", len(group), group[0].CitizenID)}
			for _, x := range group {
				f.Records = append(f.Records, personRecord(x))
			}
			emit(f)
		}
		group = group[:0]
	}
	err := src.People(ctx, "citizen_id", func(x Person) error {
		if x.CitizenID == "" {
			return nil
		}
		if len(group) > 0 && group[0].CitizenID != x.CitizenID {
			flush()
		}
		group = append(group, x)
		return nil
	})
	flush()
	return err
}

// DQ-02: two or more persons with a birth date share it and their folded name.
func dq02(ctx context.Context, src Source, p Params, emit func(Finding)) *run {
	return &run{finish: func() error { return dq02People(ctx, src, emit) }}
}

func dq02People(ctx context.Context, src Source, emit func(Finding)) error {
	var day []Person // the persons born on one day
	flush := func() {
		byName := map[string][]Person{}
		for _, x := range day {
			k := FoldName(x.Name)
			byName[k] = append(byName[k], x)
		}
		keys := make([]string, 0, len(byName))
		for k := range byName {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			g := byName[k]
			if len(g) < 2 {
				continue
			}
			f := Finding{Basis: dataBasis, Subject: map[string]string{"folded_name": k, "birth_date": g[0].Birth.String()},
				MessageVi: fmt.Sprintf("%d người cùng họ tên và ngày sinh %s, có thể là một người được nhập nhiều lần: %s.",
					len(g), g[0].Birth.Vietnamese(), names(g)),
				MessageEn: fmt.Sprintf("%d people share the name %q and the birth date %s: perhaps one person entered twice.", len(g), k, g[0].Birth)}
			for _, x := range g {
				f.Records = append(f.Records, personRecord(x))
			}
			emit(f)
		}
		day = day[:0]
	}
	err := src.People(ctx, "birth_date", func(x Person) error {
		if x.Birth == 0 {
			return nil
		}
		if len(day) > 0 && day[0].Birth != x.Birth {
			flush()
		}
		day = append(day, x)
		return nil
	})
	flush()
	return err
}

// names lists people as "Name (id), …".
func names(ps []Person) string {
	parts := make([]string, len(ps))
	for i, x := range ps {
		parts[i] = x.Name + " (" + x.ID + ")"
	}
	return strings.Join(parts, ", ")
}
