package vnadmin

import (
	"fmt"
	"sort"
)

// Restructure rows: the 2025 reform, every row dated ReformDate.
//
// Events. There is one event per 2025 unit, with one row per old unit that
// went wholly or partly into it: event_id "NQ2025-P<code>" for a new province
// and "NQ2025-<code>" for a new commune or special zone. Each abolished
// district (a pre-2025 district without mapping rows: all but the 5 island
// districts) gets its own event "NQ2025-D<code>" with a single dissolve row
// and an empty to_unit_id. Province codes have 2 digits, district codes 3 and
// commune codes 5, so the three kinds of event id cannot collide, and each
// (event_id, from_unit_id, to_unit_id) key occurs once.
//
// Kind of a row. The kind says what happened to the from-unit, and follows
// the mapping's portion:
//
//   - partial → split. The old unit was divided among several new units; it
//     has a split row in the event of each of them (2 to 5 rows).
//   - full → merge. The whole old unit went into the new one, usually
//     together with others. This includes the new units that received a
//     single whole old unit (11 unchanged provinces, some communes, and the
//     5 island districts that became special zones): bundle-v1 has no kind
//     for "continued under a new record", and because the new unit has its
//     own id, the old record ends and the new one starts, which is what a
//     merge states. rename and convert would suggest one record going on.
//
// A new unit made of whole old communes and parts of split ones therefore has
// both merge and split rows in its event. This agrees with the rule "merge
// when the new unit received several whole old units, split for partial rows,
// merge otherwise". Bundle checks that it is meaningful: every old unit has
// either exactly one full row or at least two partial rows.
func restructure(pre, post []srcUnit, merges []srcMerge, oldLevels, newLevels map[string]string) ([][]string, error) {
	byNew := make(map[string][]srcMerge)
	byOld := make(map[string][]srcMerge)
	for _, m := range merges {
		if oldLevels[m.oldCode] != m.oldLevel || m.oldLevel == "" {
			return nil, fmt.Errorf("old unit %s level %s is not in units-pre2025.csv", m.oldCode, m.oldLevel)
		}
		if newLevels[m.newCode] != m.newLevel || m.newLevel == "" {
			return nil, fmt.Errorf("new unit %s level %s is not in units-2025.csv", m.newCode, m.newLevel)
		}
		if (m.oldLevel == "1") != (m.newLevel == "1") {
			return nil, fmt.Errorf("%s → %s: a province maps to a province only", m.oldCode, m.newCode)
		}
		byNew[m.newCode] = append(byNew[m.newCode], m)
		byOld[m.oldCode] = append(byOld[m.oldCode], m)
	}
	for code, ms := range byOld {
		full := 0
		for _, m := range ms {
			if m.portion == "full" {
				full++
			} else if m.portion != "partial" {
				return nil, fmt.Errorf("old unit %s: unknown portion %q", code, m.portion)
			}
		}
		if !(full == 1 && len(ms) == 1) && !(full == 0 && len(ms) >= 2) {
			return nil, fmt.Errorf("old unit %s: %d rows of which %d full; want one full row or several partial rows", code, len(ms), full)
		}
	}

	rows := [][]string{RestructureColumns}
	seen := make(map[[3]string]bool)
	add := func(r []string) error {
		k := [3]string{r[0], r[3], r[4]}
		if seen[k] {
			return fmt.Errorf("duplicate restructure key %v", k)
		}
		seen[k] = true
		rows = append(rows, r)
		return nil
	}
	sorted := append([]srcUnit(nil), post...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].level < sorted[j].level })
	for _, u := range sorted {
		ms := byNew[u.code]
		if len(ms) == 0 {
			return nil, fmt.Errorf("new unit %s has no mapping row", u.code)
		}
		event, doc := "NQ2025-"+u.code, ""
		if u.level == "1" {
			event, doc = "NQ2025-P"+u.code, ResolutionID
		}
		for _, m := range ms {
			kind := "merge"
			if m.portion == "partial" {
				kind = "split"
			}
			if err := add([]string{event, ReformDate, kind, OldID(m.oldCode), NewID(u.code), doc}); err != nil {
				return nil, err
			}
		}
	}
	for _, u := range pre {
		if len(byOld[u.code]) > 0 {
			continue
		}
		if u.level != "2" {
			return nil, fmt.Errorf("old unit %s (level %s) has no mapping row", u.code, u.level)
		}
		if err := add([]string{"NQ2025-D" + u.code, ReformDate, "dissolve", OldID(u.code), "", ""}); err != nil {
			return nil, err
		}
	}
	return rows, nil
}
