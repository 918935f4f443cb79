package tochuc

// Comparison is what changed in the registry between two dates.
type Comparison struct {
	From    Date              `json:"from"`
	To      Date              `json:"to"`
	Created []Unit            `json:"created"`       // units existing on To but not on From
	Ended   []Unit            `json:"ended"`         // units existing on From but not on To (their version on From)
	Renamed [][2]Unit         `json:"renamed"`       // same unit, other name: version on From, version on To
	Links   []RestructureLink `json:"restructure"`   // restructuring events dated in (From, To]
	Filled  []Assignment      `json:"posts_filled"`  // posts held on To but not on From
	Vacated []Assignment      `json:"posts_vacated"` // posts held on From but not on To
	Events  map[string]int    `json:"party_events"`  // membership events in (From, To], by event
	Staff   [2]int            `json:"staff"`         // headcount on From and on To, over all units
	People  map[string]string `json:"people"`        // names of the people referred to
}
