"""One view-model per kind of page, built from a `base.Book`: frozen data holding what the
page shows, in words, with links as `Target`s the page's filters make relative."""
