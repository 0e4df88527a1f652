package main

import (
	"os"
	"strconv"

	"github.com/proximite/proximite"
)

// maxUpload reads PROXIMITE_MAX_UPLOAD_MB, the largest file of the
// library in megabytes; unset, the default (proximite.MaxFileSize).
func maxUpload() (int64, error) {
	v := os.Getenv("PROXIMITE_MAX_UPLOAD_MB")
	if v == "" {
		return proximite.MaxFileSize, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 1024 {
		return 0, proximite.Errorf(proximite.EINVALID, "PROXIMITE_MAX_UPLOAD_MB must be a number of megabytes between 1 and 1024, got %q", v)
	}
	return int64(n) << 20, nil
}
