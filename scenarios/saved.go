package scenarios

// DecodeSaved reads scenario bytes that Encode wrote for a store (what
// names them in errors). It checks the structure but not the values'
// ranges nor the limits on files from others (limits.go), so a later,
// stricter program still opens what an earlier one saved (and drafts may
// hold half-typed values).
func DecodeSaved(data []byte, what string) (*Scenario, error) {
	d := &decoder{file: what, data: data, at: map[string]int64{}, written: map[string]written{}, saved: true}
	s := d.scenario()
	if d.err != nil {
		return nil, d.err
	}
	return s, nil
}
