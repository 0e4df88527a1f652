package e2e

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// A coordinator describes a document of the library, is refused a file
// named .pdf that is none, uploads a real PDF printed by the browser,
// publishes it, and then a visitor searching the site for a word that is
// only inside the PDF finds the publication and downloads the file.
func TestCoordinatorUploadsAPublication(t *testing.T) {
	t.Parallel()
	s := newWritableSite(t)
	link := s.invite("bibliotheque@rosi.test", "--name", "Coordination", "--role", "coordinator")
	j := s.serve()

	// The document: a page printed to PDF by the browser, as Chromium
	// writes it (Type0 fonts, ToUnicode maps, compressed streams), with a
	// word found nowhere else in the registry.
	const rare = "xylophonistique"
	printer := j.tab("printer", desktop)
	html := `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Rapport</title><h1>Bilan des échanges</h1>` +
		`<p>Le comité a étudié la question ` + rare + ` pendant trois saisons à Sanankoroba.</p></html>`
	printer.do("open the document", chromedp.Navigate("data:text/html;charset=utf-8,"+url.PathEscape(html)))
	pdf := get(printer.tab, "print it to PDF", chromedp.PrintToPDF())
	doc := filepath.Join(s.dir, "bilan des échanges.pdf")
	fake := filepath.Join(s.dir, "faux.pdf")
	if err := os.WriteFile(doc, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(fake, []byte("Ceci est un texte, pas un PDF.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// 51 MB, over the limit of 50: a sparse file, never sent.
	big := filepath.Join(s.dir, "énorme.pdf")
	if f, err := os.Create(big); err != nil {
		t.Fatal(err)
	} else if err := f.Truncate(51 << 20); err != nil {
		t.Fatal(err)
	} else {
		f.Close()
	}

	co := j.tab("coordinator", desktop)
	co.acceptInvitation(link)
	co.submit("open the publication form", linkNamed("Nouvelle publication"), "/fr/bibliotheque/nouvelle")
	co.fill("//input[@name='title.fr']", "Bilan des échanges")
	co.fill("//input[@name='title.en']", "Review of the exchanges")
	co.choose("//select[@name='kind']", "report")
	co.choose("//select[@name='language']", "fr")
	co.fill("//input[@name='year']", "2024")
	co.fill("//textarea[@name='abstract.fr']", "Trois saisons d'échanges entre comités.")
	co.look("library-form")
	co.submit("save the description", "//main//form//button[@name='save' and not(@aria-hidden)]", "/fr/bibliotheque/bilan-des-echanges/depot")
	co.wantText("//main", "Aucun fichier")
	co.look("library-upload")
	// The workspace lists the draft and leads back to its file.
	co.at("/fr/mon-espace", 200)
	co.wantText(sectionTitled("Bibliothèque"), "pas encore de fichier")
	co.look("library-workspace")
	co.submit("back to the file", linkNamed("Bilan des échanges"), "/fr/bibliotheque/bilan-des-echanges/depot")

	// A file named .pdf that is not a PDF is refused, and nothing is kept.
	co.do("choose the false PDF", chromedp.SetUploadFiles("//input[@name='file']", []string{fake}))
	co.click("upload the false PDF", "//main//form[@enctype='multipart/form-data']//button[@type='submit']")
	co.wantText("//div[@id='form-errors']", "n'est pas un PDF")
	co.wantText("//main", "Aucun fichier")
	co.look("library-upload-refused")

	// A file over the limit is refused by the page before it is sent.
	co.do("choose a file over the limit", chromedp.SetUploadFiles("//input[@name='file']", []string{big}))
	co.do("try to upload it", chromedp.Click("//main//form[@enctype='multipart/form-data']//button[@type='submit']"))
	if msg := js[string](co.tab, "read the file input's message", `() => document.querySelector("input[name=file]").validationMessage`); !strings.Contains(msg, "50 Mo") {
		t.Errorf("a file over the limit: message %q", msg)
	}
	if got := co.location().Path; got != "/fr/bibliotheque/bilan-des-echanges/depot" {
		t.Errorf("a file over the limit was sent: on %s", got)
	}

	co.do("choose the PDF", chromedp.SetUploadFiles("//input[@name='file']", []string{doc}))
	co.submit("upload the PDF", "//main//form[@enctype='multipart/form-data']//button[@type='submit']", "/fr/bibliotheque/bilan-des-echanges/depot")
	co.wantText("//main", "Le fichier est enregistré")
	co.wantText("//main", "bilan des échanges.pdf")
	co.wantText("//main", "Le texte du document a été lu")
	co.submit("publish", "//main//button[normalize-space()='Publier']", "/fr/bibliotheque/bilan-des-echanges/depot")
	co.wantText("//main", "en ligne dans la bibliothèque")
	co.look("library-upload-done")

	// A visitor searches the site for the word inside the PDF.
	vi := j.tab("visitor", phone)
	vi.at("/fr/bibliotheque", 200)
	vi.look("library")
	vi.at("/fr/", 200)
	vi.fill("//input[@id='home-q']", rare)
	vi.submit("search for the rare word", "//form[contains(@class,'hero-search')]//button[@type='submit']", "/fr/recherche")
	vi.wantText("//main", "Bilan des échanges")
	vi.look("library-search")
	vi.submit("open the publication", linkNamed("Bilan des échanges"), "/fr/bibliotheque/bilan-des-echanges")
	vi.wantText("//h1", "Bilan des échanges")
	vi.wantText("//dl[contains(@class,'facts')]", "Rapport")
	if href := vi.attr(linkNamed("Télécharger le PDF"), "href"); href != "/fr/bibliotheque/bilan-des-echanges/fichier" {
		t.Errorf("download link %q", href)
	}
	vi.look("library-publication")
	vi.at("/en/library/bilan-des-echanges", 200)
	vi.wantText("//h1", "Review of the exchanges")
}
