package bulletin

import (
	"strings"
	"testing"
)

func TestHTML(t *testing.T) {
	for _, c := range []struct{ body, want string }{
		{"Bonjour <b>tous</b> & toutes.", "<p>Bonjour &lt;b&gt;tous&lt;/b&gt; &amp; toutes.</p>\n"},
		{"## Nouveaux projets\n\n- Un puits\n  https://ex.org/p?a=1&b=2.\n- Deux\n  https://ex.org/deux", "<h2>Nouveaux projets</h2>\n<ul>\n<li>Un puits" +
			`<br><a href="https://ex.org/p?a=1&amp;b=2">https://ex.org/p?a=1&amp;b=2</a>.</li>` + "\n" +
			`<li><a href="https://ex.org/deux">Deux</a></li>` + "\n</ul>\n"},
		{"ligne 1\nligne 2\n\n\n\nsuite", "<p>ligne 1<br>\nligne 2</p>\n<p>suite</p>\n"},
		{`javascript:alert(1) "https://x.org/" onclick=`, `<p>javascript:alert(1) &#34;<a href="https://x.org/">https://x.org/</a>&#34; onclick=</p>` + "\n"},
	} {
		if got := HTML(c.body); got != c.want {
			t.Errorf("HTML(%q) =\n%q\nwant\n%q", c.body, got, c.want)
		}
	}
	if got := HTMLAt("## Titre", 5); got != "<h5>Titre</h5>\n" {
		t.Errorf("HTMLAt 5: %q", got)
	}
}

func FuzzHTML(f *testing.F) {
	f.Add("## a\n\n- b\n  https://c.org\n\nd <e>")
	f.Fuzz(func(t *testing.T, body string) {
		out := HTML(body)
		for _, bad := range []string{"<script", "<img", "<b>", "onclick=\""} {
			if strings.Contains(out, bad) {
				t.Fatalf("HTML(%q) holds %q: %q", body, bad, out)
			}
		}
	})
}
