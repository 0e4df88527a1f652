package proximite

import "context"

// Twin is one known twinning of the reference layer: two towns, each
// with its country (ISO code) and position, as the public list of twin
// towns gives them. The layer is not the registry: it is what others
// wrote down (Wikipedia contributors, CC BY-SA), which a town's page
// offers as twinnings the registry may lack.
type Twin struct {
	City1, Country1 string
	Lat1, Lng1      float64
	City2, Country2 string
	Lat2, Lng2      float64
}

// TwinCredit is shown wherever the reference layer is.
const TwinCredit = "Wikipedia contributors, CC BY-SA"

// TwinTown is one side of a twinning, as seen from a town.
type TwinTown struct {
	City, Country string
	Lat, Lng      float64
}

// TwinService keeps the reference layer of known twinnings.
type TwinService interface {
	// ReplaceTwins replaces the whole layer with rows, in one
	// transaction: loading the same file twice gives the same layer.
	ReplaceTwins(ctx context.Context, rows []Twin) error
	// TwinsOf returns the towns twinned with the town named city in
	// country (ISO), whichever side of the file names it; city is
	// compared folded (Slugify).
	TwinsOf(ctx context.Context, city, country string) ([]TwinTown, error)
	// CountTwins returns the number of rows of the layer.
	CountTwins(ctx context.Context) (int, error)
}
