package indicator

import (
	"context"
	"math"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// Actual is one indicator on p.AsOf in p's scope as the catalog computes it
// (the same Evaluate as Compute, for that indicator alone): the value, the
// records listed (a share's `of`), and the number a target compares — a
// share's ratio rounded to 6 decimals as Compute's, else the value. A share
// with nothing listed has the ratio 0 (Compute leaves it out).
type Actual struct {
	Value  int
	Of     *int
	Number float64
}

// MeasureOne evaluates the indicator id on p.AsOf (p.Since is ignored: a
// flow counts its events up to p.AsOf as Compute does without a comparison
// date).
func MeasureOne(ctx context.Context, src Engine, p Params, id string) (Actual, error) {
	def, ok := Lookup(id)
	if !ok {
		return Actual{}, tochuc.Errorf(tochuc.EInvalid, "Không có chỉ tiêu '%s' trong danh mục.", id)
	}
	p.Since = 0
	if err := p.Check(); err != nil {
		return Actual{}, err
	}
	ms, err := src.Evaluate(ctx, p, []Def{def})
	if err != nil {
		return Actual{}, err
	}
	f := figure(def, ms, false)
	a := Actual{Value: f.Value, Of: f.Of, Number: float64(f.Value)}
	if f.Of != nil {
		a.Number = 0
		if *f.Of > 0 {
			a.Number = math.Round(float64(f.Value)/float64(*f.Of)*1e6) / 1e6
		}
	}
	return a, nil
}
