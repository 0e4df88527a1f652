package password_test

import (
	"strings"
	"testing"

	"github.com/proximite/proximite/internal/password"
)

func TestHashAndVerify(t *testing.T) {
	h, err := password.Hash("Nioro du Rip 1993")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") || strings.Count(h, "$") != 5 {
		t.Fatalf("not a PHC argon2id string: %s", h)
	}
	if ok, err := password.Verify(h, "Nioro du Rip 1993"); !ok || err != nil {
		t.Fatalf("right password refused: %v %v", ok, err)
	}
	if ok, _ := password.Verify(h, "Nioro du Rip 1994"); ok {
		t.Fatal("wrong password accepted")
	}
	if h2, _ := password.Hash("Nioro du Rip 1993"); h2 == h {
		t.Fatal("two hashes of one password share a salt")
	}
	// Parameters are read from the string: a hash made with others verifies.
	old := "$argon2id$v=19$m=1024,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$"
	if ok, err := password.Verify(old+"AAAA", "x"); ok || err != nil {
		t.Fatalf("foreign parameters: %v %v", ok, err)
	}
	for _, bad := range []string{"", "plain", "$argon2i$v=19$m=1,t=1,p=1$AA$AA", "$argon2id$v=19$m=x$AA$AA", "$argon2id$v=19$m=1024,t=1,p=1$!!$AA"} {
		if _, err := password.Verify(bad, "x"); err == nil {
			t.Errorf("%q: accepted as a hash", bad)
		}
	}
	if ok, err := password.Verify(password.Dummy(), "anything"); ok || err != nil {
		t.Fatalf("dummy: %v %v", ok, err)
	}
}
