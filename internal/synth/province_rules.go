package synth

import "fmt"

// The records the rule checks read (checks-v1): yearly ratings of party
// organizations and members, and the 2020–2025 cadre plans of the communes'
// party committees and People's Committees. They are drawn from g.x, apart
// from the rest of the province, so that adding them changed no other row.

var (
	evalHeader  = []string{"year", "subject_type", "subject_id", "category", "rating", "rated_by_id", "decided_on"}
	planHeader  = []string{"term", "unit_id", "role", "person_id", "added_on", "removed_on", "removal_reason"}
	ratingYears = []int{2017, 2018}
)

// rating draws a rating: mostly good, about one in six excellent, a few
// complete, rarely incomplete (so that some rating groups break the quota).
func (g *pgen) rating() string {
	switch r := g.x.IntN(200); {
	case r < 34:
		return "excellent"
	case r < 170:
		return "good"
	case r < 197:
		return "complete"
	}
	return "incomplete"
}

// orgRatings rates a party organization each year, by its committee.
func (g *pgen) orgRatings(o memberOrg) {
	if o.parent == "" {
		return
	}
	for _, y := range ratingYears {
		g.w("evaluations", evalHeader, fmt.Sprint(y), "unit", o.id, "party_org", g.rating(), o.parent, fmt.Sprintf("%d-12-20", y))
	}
}

// memberRatings rates a party member each year, by the organization they were admitted in.
func (g *pgen) memberRatings(person string, o memberOrg) {
	for _, y := range ratingYears {
		g.w("evaluations", evalHeader, fmt.Sprint(y), "person", person, "party_member", g.rating(), o.id, fmt.Sprintf("%d-12-20", y))
	}
}

// plans writes the 2020–2025 plans for commune k's party secretary and
// People's Committee chair: the incumbents and two or three other leaders
// of the commune, drawn up on 01/06/2017; one commune in seven plans a
// fourth person for the secretary post (over the limit of three), and one
// in five removes a nominee in October 2018.
func (g *pgen) plans(k int, dx, committee, sec, chair string, leads []string) {
	want := 2
	if k%7 == 3 {
		want = 3
	}
	var others []string
	for _, p := range leads {
		if p != sec && p != chair && len(others) < want {
			others = append(others, p)
		}
	}
	for _, post := range []struct{ unit, role, holder string }{{dx, "secretary", sec}, {committee, "chair", chair}} {
		names := append([]string{post.holder}, others...)
		if post.role == "chair" && post.holder != sec {
			names = append(names, sec)
		}
		for i, p := range names {
			removed, why := "", ""
			if i == 1 && k%5 == 0 {
				removed, why = "2018-10-15", "rà soát, bổ sung quy hoạch"
			}
			g.w("plans", planHeader, "2020-2025", post.unit, post.role, p, "2017-06-01", removed, why)
		}
	}
}
