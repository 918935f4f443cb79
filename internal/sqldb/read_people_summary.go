package sqldb

import (
	"context"
	"slices"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// PersonPost is a post a person holds on a date, with its unit's name.
type PersonPost struct {
	UnitID   string `json:"unit_id"`
	UnitName string `json:"unit_name"`
	Role     string `json:"role"`
}

// PersonSummary is what a list says of a person beside the name: the posts
// held on the date and the party membership then ("official",
// "probationary" or "").
type PersonSummary struct {
	Posts []PersonPost `json:"posts,omitempty"`
	Party string       `json:"party,omitempty"`
}

// PeopleSummaries returns the summaries on d of a few people (a page of a
// list or a picker's choices), by id; posts in the order of the role
// vocabulary (a secretary before a member).
func (r *Reader) PeopleSummaries(ctx context.Context, ids []string, d tochuc.Date) (map[string]PersonSummary, error) {
	out := map[string]PersonSummary{}
	for batch := range slices.Chunk(uniqueIDs(ids), 500) {
		err := r.each(ctx, `SELECT a.person_id, a.unit_id, a.role FROM assignments a WHERE `+r.rec.where("a")+
			` AND a.valid_from <= ? AND (a.valid_to IS NULL OR a.valid_to > ?) AND a.person_id IN (`+placeholders(len(batch))+`)`,
			append([]any{d, d}, anys(batch)...), func(s scanner) error {
				var id string
				var p PersonPost
				if err := s.Scan(&id, &p.UnitID, &p.Role); err != nil {
					return err
				}
				sum := out[id]
				sum.Posts = append(sum.Posts, p)
				out[id] = sum
				return nil
			})
		if err != nil {
			return nil, err
		}
		err = r.each(ctx, `SELECT m.person_id, m.probationary FROM member_periods m WHERE m.valid_from <= ? AND m.valid_to > ?
			AND m.person_id IN (`+placeholders(len(batch))+`)`, append([]any{d, d}, anys(batch)...), func(s scanner) error {
			var id string
			var prob int
			if err := s.Scan(&id, &prob); err != nil {
				return err
			}
			sum := out[id]
			sum.Party = "official"
			if prob != 0 {
				sum.Party = "probationary"
			}
			out[id] = sum
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	var units []string
	for _, sum := range out {
		for _, p := range sum.Posts {
			units = append(units, p.UnitID)
		}
	}
	names, err := r.UnitNames(ctx, units, d)
	if err != nil {
		return nil, err
	}
	for id, sum := range out {
		for i := range sum.Posts {
			sum.Posts[i].UnitName = names[sum.Posts[i].UnitID]
		}
		slices.SortFunc(sum.Posts, func(a, b PersonPost) int { return roleOrder(a.Role) - roleOrder(b.Role) })
		out[id] = sum
	}
	return out, nil
}

// roleOrder is a role's place in the role vocabulary (protocol order).
func roleOrder(role string) int {
	return slices.IndexFunc(tochuc.Roles, func(t tochuc.Term) bool { return t.Code == role })
}
