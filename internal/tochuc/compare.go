package tochuc

// Comparison is what changed in the registry between two dates.
type Comparison struct {
	From, To Date
	Created  []Unit            // units existing on To but not on From
	Ended    []Unit            // units existing on From but not on To (their version on From)
	Renamed  [][2]Unit         // same unit, other name: version on From, version on To
	Links    []RestructureLink // restructuring events dated in (From, To]
	Filled   []Assignment      // posts held on To but not on From
	Vacated  []Assignment      // posts held on From but not on To
	Events   map[string]int    // membership events in (From, To], by event
	Staff    [2]int            // headcount on From and on To, over all units
	People   map[string]string // names of the people referred to
}
