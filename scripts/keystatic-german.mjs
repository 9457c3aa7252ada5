#!/usr/bin/env node
// @ts-check
/**
 * Keystatic's German: its own de-DE dictionary covers 27 strings, the rest of its UI is English
 * written into the code. This table is the German for the rest. It is not run on install: it
 * made patches/@keystatic+core+<version>.patch (patch-package, applied by `npm install`'s
 * postinstall). After a Keystatic upgrade: run it on the fresh package
 * (`node scripts/keystatic-german.mjs`), then `npx patch-package @keystatic/core`; a snippet it
 * no longer finds fails it, so no English string slips through unnoticed
 * (tests/browser/editor-german.test.ts walks the screens as the last word).
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const modules = fileURLToPath(new URL('../node_modules/', import.meta.url));
/** The browser build's files (the .node/.worker/.react-server twins never reach the editor), and the API our server runs. */
const FILES = [
  ...['index-3c244051.js', 'keystatic-core-ui.js', 'index-5d64e651.js', 'index-dbe11bde.js', 'keystatic-core.js'].map(
    (file) => `@keystatic/core/dist/${file}`,
  ),
  // Keystatic's local-mode API, run inside our server: its answers reach the clerk as the editor's error text.
  '@keystatic/core/dist/keystatic-core-api-generic.node.js',
  '@keystar/ui/dist/keystar-ui-split-view.js',
  '@keystar/ui/dist/keystar-ui-field.js',
];

/**
 * [English code snippet, German code snippet]; every occurrence in the files above is replaced.
 * @type {Array<[string, string]>}
 */
export const GERMAN = [
  // Keystatic's own de-DE dictionary
  ['"dashboard": `Dashboard`', '"dashboard": `Übersicht`'],
  ['"collection": `Sammlung`', '"collection": `Liste`'],
  ['"collections": `Sammlungen`', '"collections": `Listen`'],
  // Dashboard, lists, entries
  ['children: "Dashboard"', 'children: "Übersicht"'],
  ["singular: 'entry',\n        plural: 'entries'", "singular: 'Eintrag',\n        plural: 'Einträge'"],
  ["singular: 'change',\n        plural: 'changes'", "singular: 'Änderung',\n        plural: 'Änderungen'"],
  ['children: "Changed"', 'children: "Geändert"'],
  ['"aria-label": "Changed"', '"aria-label": "Geändert"'],
  ['"aria-label": "Add"', '"aria-label": "Neu anlegen"'],
  ['children: "Unsaved"', 'children: "Nicht gespeichert"'],
  ['toastQueue.positive("Entry created"', 'toastQueue.positive("Eintrag angelegt"'],
  ['children: "Entry not found."', 'children: "Eintrag nicht gefunden."'],
  ['"aria-label": "Loading Item"', '"aria-label": "Eintrag wird geladen"'],
  ['"aria-label": "Loading Entries"', '"aria-label": "Einträge werden geladen"'],
  ['"aria-label": "Creating entry"', '"aria-label": "Eintrag wird angelegt"'],
  ['"aria-label": "Saving changes"', '"aria-label": "Änderungen werden gespeichert"'],
  ['"aria-label": "show search"', '"aria-label": "Suche zeigen"'],
  ['"aria-label": "Status"', '"aria-label": "Zustand"'],
  ['title: "No results"', 'title: "Nichts gefunden"'],
  ['title: "Empty collection"', 'title: "Noch keine Einträge"'],
  ['title: "Unable to load collection"', 'title: "Die Liste konnte nicht geladen werden"'],
  ['title: "Not found"', 'title: "Nicht gefunden"'],
  ['children: "Not found"', 'children: "Nicht gefunden"'],
  ['title: "Delete entry"', 'title: "Eintrag löschen"'],
  ['title: "Save and duplicate entry"', 'title: "Speichern und kopieren"'],
  ['title: "Content"', 'title: "Inhalt"'],
  ['children: "Create the first entry"', 'children: "Ersten Eintrag anlegen"'],
  ['"There aren\'t any entries yet."', '"Hier gibt es noch keine Einträge."'],
  [
    'children: "You have unsaved changes. Save this entry to duplicate it."',
    'children: "Es gibt ungespeicherte Änderungen. Bitte erst speichern, dann kopieren."',
  ],
  ['children: "Are you sure? This action cannot be undone."', 'children: "Wirklich löschen? Das lässt sich nicht rückgängig machen."'],
  ["label: 'Reset'", "label: 'Änderungen verwerfen'"],
  ['label: "Reset"', 'label: "Änderungen verwerfen"'],
  ['label: "Reset changes"', 'label: "Änderungen verwerfen"'],
  ["label: 'Copy entry'", "label: 'Eintrag kopieren'"],
  ["label: 'Paste entry'", "label: 'Eintrag einfügen'"],
  ['label: "Copy entry"', 'label: "Eintrag kopieren"'],
  ['label: "Paste entry"', 'label: "Eintrag einfügen"'],
  ['label: "Duplicate entry\\u2026"', 'label: "Eintrag kopieren\\u2026"'],
  ['label: "Delete entry\\u2026"', 'label: "Eintrag löschen\\u2026"'],
  ['label: "Preview"', 'label: "Vorschau"'],
  ['"aria-label": "Open app navigation"', '"aria-label": "Navigation öffnen"'],
  ['"aria-label": "User menu"', '"aria-label": "Benutzermenü"'],
  ['"aria-label": "theme"', '"aria-label": "Farbschema"'],
  ['"aria-label": "Language"', '"aria-label": "Sprache"'],
  ["label: 'Light'", "label: 'Hell'"],
  ["label: 'Dark'", "label: 'Dunkel'"],
  ["label: 'System'", "label: 'Wie das System'"],
  ['label: "Log out"', 'label: "Abmelden"'],
  ['label: "Account"', 'label: "Konto"'],
  // Drafts kept in the browser
  ['children: ["Restored draft from ", ', 'children: ["Entwurf wiederhergestellt von ", '],
  [
    'children: "Other changes have been made to this entry since the draft. You may want to discard the draft changes."',
    'children: "Der Eintrag wurde seit diesem Entwurf anderweitig geändert. Verwerfen Sie den Entwurf, falls er veraltet ist."',
  ],
  // Lists of items (Themen, Quellen …)
  ['children: "Empty list"', 'children: "Noch nichts eingetragen"'],
  ['children: "Add the first item to see it here."', 'children: "Mit „Hinzufügen“ legen Sie den ersten Eintrag an."'],
  ['children: "Add item"', 'children: "Hinzufügen"'],
  ['children: "Edit item"', 'children: "Bearbeiten"'],
  ['children: "Contains invalid fields. Please edit."', 'children: "Enthält ungültige Angaben. Bitte bearbeiten."'],
  ['children: "Remove"', 'children: "Entfernen"'],
  ['children: "Edit"', 'children: "Bearbeiten"'],
  ['children: "Done"', 'children: "Fertig"'],
  ['children: "Insert"', 'children: "Einfügen"'],
  ['children: "Cancel"', 'children: "Abbrechen"'],
  ['children: "Options"', 'children: "Optionen"'],
  [
    't0 = `Must have at least ${pluralize(minLength, {\n          singular: "item"\n        })}.`',
    't0 = `Bitte mindestens ${pluralize(minLength, {\n          singular: "Eintrag",\n          plural: "Einträge"\n        })} anlegen.`',
  ],
  [
    't0 = `Must have at most ${pluralize(maxLength, {\n            singular: "item"\n          })}.`',
    't0 = `Höchstens ${pluralize(maxLength, {\n            singular: "Eintrag",\n            plural: "Einträge"\n          })} erlaubt.`',
  ],
  [
    "`Must have at least ${schema.validation.length.min} element${schema.validation.length.min === 1 ? '' : 's'}`",
    "`Bitte mindestens ${schema.validation.length.min} ${schema.validation.length.min === 1 ? 'Eintrag' : 'Einträge'} anlegen.`",
  ],
  [
    "`Must have at most ${schema.validation.length.max} element${schema.validation.length.max === 1 ? '' : 's'}}`",
    "`Höchstens ${schema.validation.length.max} ${schema.validation.length.max === 1 ? 'Eintrag' : 'Einträge'} erlaubt.`",
  ],
  // Field errors
  ['return `${fieldLabel} must be at least ${min} characters long`;', 'return `${fieldLabel}: bitte mindestens ${min} Zeichen.`;'],
  ['return `${fieldLabel} must be no longer than ${max} characters`;', 'return `${fieldLabel}: höchstens ${max} Zeichen.`;'],
  ['`${label} is required`', '`${label}: bitte ausfüllen.`'],
  ['children: [props.label, " is required"]', 'children: [props.label, ": bitte auswählen."]'],
  ['return `${label} is not a valid date`;', 'return `${label}: kein gültiges Datum (TT.MM.JJJJ).`;'],
  [
    'return `${label} must be after ${min.toLocaleDateString()}`;',
    "return `${label}: frühestens ${min.toLocaleDateString('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric' })}. Bitte das Jahr vierstellig eingeben, z. B. ${new Date().getFullYear()}.`;",
  ],
  [
    'return `${label} must be no later than ${max.toLocaleDateString()}`;',
    "return `${label}: spätestens ${max.toLocaleDateString('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric' })}.`;",
  ],
  ['return `${label} must be a whole number`;', 'return `${label}: bitte eine ganze Zahl.`;'],
  ['return `${label} must be at least ${validation.min}`;', 'return `${label}: mindestens ${validation.min}.`;'],
  ['return `${label} must be at most ${validation.max}`;', 'return `${label}: höchstens ${validation.max}.`;'],
  ['"Image URL is required."', '"Bitte eine Bildadresse angeben."'],
  // A date field's description may depend on its value ("Wird am 10.12.2026 veröffentlicht.")
  [
    'description: props.description,\n      type: "date",',
    'description: typeof props.description === "function" ? props.description(props.value) : props.description,\n      type: "date",',
  ],
  ['return `${fieldLabel} must not be empty`;', 'return `${fieldLabel}: bitte ausfüllen.`;'],
  [
    'return pattern.message || `${fieldLabel} must match the pattern ${pattern.regex}`;',
    'return pattern.message || `${fieldLabel}: Schreibweise nicht erlaubt.`;',
  ],
  ['return `${fieldLabel} must not be ..`;', 'return `${fieldLabel}: „..“ ist nicht erlaubt.`;'],
  ['return `${fieldLabel} must not be .`;', 'return `${fieldLabel}: „.“ ist nicht erlaubt.`;'],
  ['return `${fieldLabel} must not contain ..`;', 'return `${fieldLabel}: „..“ ist nicht erlaubt.`;'],
  ['return `${fieldLabel} must not contain slashes`;', 'return `${fieldLabel}: bitte ohne Schrägstrich.`;'],
  ['return `${fieldLabel} must not start or end with spaces`;', 'return `${fieldLabel}: bitte ohne Leerzeichen am Anfang oder Ende.`;'],
  ['return `${fieldLabel} must be unique`;', 'return `${fieldLabel}: gibt es schon, bitte eine andere wählen.`;'],
  ['"aria-label": "regenerate",', '"aria-label": "Aus dem Titel neu bilden",'],
  ["name: 'Paragraph',", "name: 'Absatz',"],
  ['name: `Heading ${level}`,', 'name: `Überschrift ${level}`,'],
  ['label: `Heading ${level}`,', 'label: `Überschrift ${level}`,'],
  ['jsx(Breadcrumbs, {\n      flex: true,', 'jsx(Breadcrumbs, {\n      "aria-label": "Sie sind hier",\n      flex: true,'],
  ["name: 'Slug',", "name: 'Kennung',"],
  ['|| `Item ${props.elements.indexOf(item_0) + 1}`;', '|| `Eintrag ${props.elements.indexOf(item_0) + 1}`;'],
  // A list item's delete button: only a bin icon (axe: button-name).
  [
    'children: [/*#__PURE__*/jsx(ActionButton, {\n            onPress: () => {\n              onRemoveKey(item_0.key);',
    'children: [/*#__PURE__*/jsx(ActionButton, {\n            "aria-label": stringFormatter.format(\'delete\'),\n            onPress: () => {\n              onRemoveKey(item_0.key);',
  ],
  ['            children: "Regenerate"', '            children: "Aus dem Titel neu bilden"'],
  // Icon-only buttons of a picture in the text get names: "Bearbeiten" opens the description (axe: button-name).
  [
    't13 = /*#__PURE__*/jsx(ActionButton, {\n      prominence: "low",\n      onPress: t11,\n      children: t12\n    });',
    't13 = /*#__PURE__*/jsx(ActionButton, {\n      "aria-label": "Entfernen",\n      prominence: "low",\n      onPress: t11,\n      children: t12\n    });',
  ],
  [
    't1 = /*#__PURE__*/jsx(ActionButton, {\n      prominence: "low",\n      onPress: t0,\n      children: /*#__PURE__*/jsx(Icon, {\n        src: editIcon',
    't1 = /*#__PURE__*/jsx(ActionButton, {\n      "aria-label": "Bildangaben bearbeiten",\n      prominence: "low",\n      onPress: t0,\n      children: /*#__PURE__*/jsx(Icon, {\n        src: editIcon',
  ],
  [
    't6 = /*#__PURE__*/jsx(ActionButton, {\n      prominence: "low",\n      onPress: t4,\n      children: t5\n    });',
    't6 = /*#__PURE__*/jsx(ActionButton, {\n      "aria-label": "Andere Datei auswählen",\n      prominence: "low",\n      onPress: t4,\n      children: t5\n    });',
  ],
  [
    't4 = /*#__PURE__*/jsx(ActionButton, {\n      prominence: "low",\n      onPress: t3,\n      children: /*#__PURE__*/jsx(Icon, {\n        src: pencilIcon',
    't4 = /*#__PURE__*/jsx(ActionButton, {\n      "aria-label": "Bearbeiten",\n      prominence: "low",\n      onPress: t3,\n      children: /*#__PURE__*/jsx(Icon, {\n        src: pencilIcon',
  ],
  [
    't3 = /*#__PURE__*/jsx(ActionButton, {\n      prominence: "low",\n      onPress: t2,\n      children: /*#__PURE__*/jsx(Icon, {\n        src: pencilIcon',
    't3 = /*#__PURE__*/jsx(ActionButton, {\n      "aria-label": "Bildangaben bearbeiten",\n      prominence: "low",\n      onPress: t2,\n      children: /*#__PURE__*/jsx(Icon, {\n        src: pencilIcon',
  ],
  // The "+" button above the text has only icons: it gets a name (axe: button-name).
  [
    "jsxs(ActionButton, {\n        marginEnd: entryLayoutPane === 'main' ? undefined : 'medium',\n        children: [/*#__PURE__*/jsx(Icon, {\n          src: plusIcon",
    'jsxs(ActionButton, {\n        "aria-label": "Einfügen",\n        marginEnd: entryLayoutPane === \'main\' ? undefined : \'medium\',\n        children: [/*#__PURE__*/jsx(Icon, {\n          src: plusIcon',
  ],
  [
    "jsxs(ActionButton, {\n        marginY: \"regular\",\n        marginEnd: entryLayoutPane === 'main' ? undefined : 'medium',",
    'jsxs(ActionButton, {\n        "aria-label": "Einfügen",\n        marginY: "regular",\n        marginEnd: entryLayoutPane === \'main\' ? undefined : \'medium\',',
  ],
  // A check over a whole field (our addition, used by editor/keystatic.config.ts): `check(value)` on an
  // object field (the cover: picture and its description together) or on the text (`fields.mdx({ check })`:
  // every picture in it needs a description) returns a German message or nothing. A message refuses the
  // save and shows at the field. `typeof check` is safe where a function has no such parameter.
  [
    "        if (errors.length > 0) {\n          throw new AggregateError(errors);\n        }\n        return;\n      }\n    case 'array':",
    "        const objectProblem = typeof schema.check === 'function' ? schema.check(value) : undefined;\n        if (objectProblem) errors.push(new PropValidationError(new FieldDataError(objectProblem), path, schema));\n        if (errors.length > 0) {\n          throw new AggregateError(errors);\n        }\n        return;\n      }\n    case 'array':",
  ],
  ["  components = {},\n  extension = 'mdx'\n}) {", "  components = {},\n  extension = 'mdx',\n  check\n}) {"],
  [
    '    contentExtension: `.${extension}`,\n    validate(value) {\n      return value;\n    },',
    '    contentExtension: `.${extension}`,\n    validate(value) {\n      const contentProblem = typeof check === "function" ? check(value) : undefined;\n      if (contentProblem) throw new FieldDataError(contentProblem);\n      return value;\n    },',
  ],
  [
    '    Input(props) {\n      return /*#__PURE__*/jsx(DocumentFieldInput, {\n        description: description,\n        label: label,\n        ...props\n      });\n    },\n    parse: (_, {\n      content,',
    '    Input(props) {\n      return /*#__PURE__*/jsx(DocumentFieldInput, {\n        description: description,\n        label: label,\n        check: typeof check === "function" ? check : undefined,\n        ...props\n      });\n    },\n    parse: (_, {\n      content,',
  ],
  [
    '  let t3;\n  if ($[8] !== t1 || $[9] !== fieldProps || $[10] !== t2) {\n    t3 = /*#__PURE__*/jsx(Field, {\n      height: t1,\n      ...fieldProps,\n      children: t2\n    });',
    '  let t3;\n  if (true) {\n    t3 = /*#__PURE__*/jsx(Field, {\n      height: t1,\n      ...fieldProps,\n      errorMessage: props.forceValidation && typeof props.check === "function" ? props.check(props.value) : undefined,\n      children: t2\n    });',
  ],
  [
    '  let t9;\n  if ($[27] !== labelId || $[28] !== t5 || $[29] !== t6 || $[30] !== t7 || $[31] !== inner) {\n    t9 = /*#__PURE__*/jsxs(Grid, {\n      role: "group",\n      gap: "medium",\n      marginY: "xlarge",\n      "aria-labelledby": labelId,\n      "aria-describedby": t5,\n      children: [t6, t7, t8, inner]\n    });',
    '  let t9;\n  if (true) {\n    const objectProblem = forceValidation && typeof schema.check === "function" ? schema.check(Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, field.value]))) : undefined;\n    t9 = /*#__PURE__*/jsxs(Grid, {\n      role: "group",\n      gap: "medium",\n      marginY: "xlarge",\n      "aria-labelledby": labelId,\n      "aria-describedby": t5,\n      children: [t6, t7, t8, inner, objectProblem ? /*#__PURE__*/jsx(FieldMessage, {\n        children: objectProblem\n      }) : null]\n    });',
  ],
  // A relationship (a fact's source) with a typed name that is none of the list's keys stays empty.
  ['? `${props.label} is required` : undefined;', '? `${props.label}: bitte aus der Liste auswählen, nicht frei eintippen.` : undefined;'],
  ['return `${label} is not a valid URL`;', 'return `${label}: bitte eine vollständige Adresse mit https:// angeben.`;'],
  ["'Please provide a valid URL.'", "'Bitte eine vollständige Adresse mit https:// angeben.'"],
  ['"Please provide a valid URL."', '"Bitte eine vollständige Adresse mit https:// angeben."'],
  // What the API answers (our server shows the text of a refused request): no English, no paths.
  [
    "body: 'Not Found'",
    "body: 'Nicht gefunden: Diese Datei gibt es nicht mehr oder sie wurde inzwischen geändert. Bitte laden Sie die Seite neu.'",
  ],
  ["body: 'Bad Request'", "body: 'Die Anfrage des Editors war unvollständig. Bitte laden Sie die Seite neu.'"],
  ["body: 'Bad data'", "body: 'Nicht gespeichert: Die Anfrage des Editors war unvollständig. Bitte laden Sie die Seite neu.'"],
  [
    'throw new Error(`Could not fetch blob ${oid} (${filepath}): ${x.status}\\n${await x.text()}`);',
    'throw new Error(`Die Datei konnte nicht geladen werden (${x.status}): ${await x.text()}`);',
  ],
  [
    'throw new Error(`Could not find data file at ${dataFilepath}`);',
    'throw new Error(`Die Datei dieses Eintrags fehlt. Bitte laden Sie die Seite neu; fehlt sie weiter, wurde der Eintrag gelöscht.`);',
  ],
  // A list's columns show a day as the clerk writes it (3.12.2026), not as the file keeps it (2026-12-03);
  // sorting still reads the file's value.
  [
    "              } else {\n                val = val + '';\n              }\n              return /*#__PURE__*/jsx(Cell, {",
    "              } else {\n                val = val + '';\n                const isoDay = /^(\\d{4})-(\\d{2})-(\\d{2})$/.exec(val);\n                if (isoDay) val = `${Number(isoDay[3])}.${Number(isoDay[2])}.${isoDay[1]}`;\n              }\n              return /*#__PURE__*/jsx(Cell, {",
  ],
  // @keystar/ui, Keystatic's component library
  ['"aria-label": "Resize",', '"aria-label": "Breite ändern",'],
  // The required mark's "(erforderlich)": a label needs a role (axe: aria-prohibited-attr).
  [
    'jsx("span", {\n      "aria-label": t1,\n      children: t2\n    });',
    'jsx("span", {\n      role: t1 ? "img" : undefined,\n      "aria-label": t1,\n      children: t2\n    });',
  ],
  // Files and pictures
  ['children: "Choose file"', 'children: "Datei auswählen"'],
  ['children: "Image details"', 'children: "Bildangaben"'],
  ["label: 'Alt text'", "label: 'Bildbeschreibung (Alternativtext)'"],
  ['label: "Alt text"', 'label: "Bildbeschreibung (Alternativtext)"'],
  [
    "description: 'This text will be used by screen readers and search engines.'",
    "description: 'Was auf dem Bild zu sehen ist: Screenreader lesen es vor, Suchmaschinen werten es aus.'",
  ],
  ["label: 'Title'", "label: 'Titel (optional)'"],
  ['label: "Filename"', 'label: "Dateiname"'],
  ['label: "File name"', 'label: "Dateiname"'],
  ["label: 'URL'", "label: 'Adresse'"],
  ["label: 'Width'", "label: 'Breite'"],
  ["label: 'Height'", "label: 'Höhe'"],
  ['label: "Width"', 'label: "Breite"'],
  ['label: "Height"', 'label: "Höhe"'],
  ['label: "Image URL"', 'label: "Bildadresse"'],
  ['children: "Remove Image"', 'children: "Bild entfernen"'],
  ['children: "Edit Image Options"', 'children: "Bildangaben bearbeiten"'],
  ['children: "Constrain proportions"', 'children: "Seitenverhältnis beibehalten"'],
  ['"aria-label": "Constrain proportions"', '"aria-label": "Seitenverhältnis beibehalten"'],
  ['"aria-label": "Checking\\u2026"', '"aria-label": "Wird geprüft\\u2026"'],
  // The text editor: placeholder, "/" menu, "+" menu, toolbar
  ['placeholder: "Start writing or press \\"/\\" for commands...",', 'placeholder: "Text schreiben oder „/“ für Bausteine drücken …",'],
  [
    'placeholderPlugin(\'Start writing or press "/" for commands…\')',
    "placeholderPlugin('Text schreiben oder „/“ für Bausteine drücken …')",
  ],
  ['"aria-label": "Insert menu"', '"aria-label": "Einfügemenü"'],
  ['"aria-label": "Insert block"', '"aria-label": "Baustein einfügen"'],
  ['children: "No results\\u2026"', 'children: "Nichts gefunden\\u2026"'],
  ['"aria-label": "Text formatting"', '"aria-label": "Textformat"'],
  ['"aria-label": "Formatting options"', '"aria-label": "Formatierung"'],
  ['"aria-label": "Text block"', '"aria-label": "Absatzart"'],
  ['"aria-label": "Lists"', '"aria-label": "Listen"'],
  ['"aria-label": "Blocks"', '"aria-label": "Blöcke"'],
  ['"aria-label": "Divider"', '"aria-label": "Trennlinie"'],
  ['"aria-label": "Quote"', '"aria-label": "Zitat"'],
  ['"aria-label": "Code block"', '"aria-label": "Codeblock"'],
  ['"aria-label": "Code block language"', '"aria-label": "Sprache des Codeblocks"'],
  ['"aria-label": "Image"', '"aria-label": "Bild"'],
  ['"aria-label": "Table"', '"aria-label": "Tabelle"'],
  ['"aria-label": "Cell options"', '"aria-label": "Zellenoptionen"'],
  ['children: "Text Alignment"', 'children: "Ausrichtung"'],
  ['children: "Numbered List"', 'children: "Nummerierte Liste"'],
  ['children: "Bullet List"', 'children: "Aufzählung"'],
  ['children: "Layouts"', 'children: "Spalten"'],
  ['children: "Unlink"', 'children: "Link entfernen"'],
  ['children: "Table"', 'children: "Tabelle"'],
  ['children: "Quote"', 'children: "Zitat"'],
  ['children: "Link"', 'children: "Link"'],
  ['children: "Image"', 'children: "Bild"'],
  ['children: "Header row"', 'children: "Kopfzeile"'],
  ['children: "Divider"', 'children: "Trennlinie"'],
  ['children: "Code block"', 'children: "Codeblock"'],
  ['label: "Text"', 'label: "Text"'],
  ['label: "Link"', 'label: "Link"'],
  ['label: "Select Table"', 'label: "Tabelle auswählen"'],
  ['label: "Select Row"', 'label: "Zeile auswählen"'],
  ['label: "Select Column"', 'label: "Spalte auswählen"'],
  ['const t4 = props.href ? "Edit" : "Add";', 'const t4 = props.href ? "Link bearbeiten" : "Link hinzufügen";'],
  ['children: [t4, " link"]', 'children: [t4]'],
  ["label: 'Bold'", "label: 'Fett'"],
  ["label: 'Italic'", "label: 'Kursiv'"],
  ["label: 'Underline'", "label: 'Unterstrichen'"],
  ["label: 'Strikethrough'", "label: 'Durchgestrichen'"],
  ["label: 'Code'", "label: 'Code'"],
  ["label: 'Superscript'", "label: 'Hochgestellt'"],
  ["label: 'Subscript'", "label: 'Tiefgestellt'"],
  ["label: 'Clear formatting'", "label: 'Formatierung entfernen'"],
  ["label: 'Align Start'", "label: 'Linksbündig'"],
  ["label: 'Align Center'", "label: 'Zentriert'"],
  ["label: 'Align End'", "label: 'Rechtsbündig'"],
  ["label: 'Blockquote'", "label: 'Zitat'"],
  ["label: 'Code block'", "label: 'Codeblock'"],
  ["label: 'Image'", "label: 'Bild'"],
  ["label: 'Table'", "label: 'Tabelle'"],
  ["label: 'Divider'", "label: 'Trennlinie'"],
  ["label: 'Layout'", "label: 'Spalten'"],
  ["label: 'Bullet List'", "label: 'Aufzählung'"],
  ["label: 'Bullet list'", "label: 'Aufzählung'"],
  ["label: 'Numbered List'", "label: 'Nummerierte Liste'"],
  ["label: 'Numbered list'", "label: 'Nummerierte Liste'"],
  ["label: 'Ordered list'", "label: 'Nummerierte Liste'"],
  ["label: 'Plain text'", "label: 'Reiner Text'"],
  ["label: 'Delete row'", "label: 'Zeile löschen'"],
  ["label: 'Delete column'", "label: 'Spalte löschen'"],
  ["label: 'Insert row below'", "label: 'Zeile darunter einfügen'"],
  ["label: 'Insert column right'", "label: 'Spalte rechts einfügen'"],
  ["label: 'Heading '", "label: 'Überschrift '"],
  ["description: 'A horizontal line to separate content'", "description: 'Eine waagerechte Linie zwischen zwei Abschnitten'"],
  ["description: 'Display code with syntax highlighting'", "description: 'Programmcode mit Hervorhebung'"],
  ["description: 'Insert a quote or citation'", "description: 'Ein Zitat einfügen'"],
  ["description: 'Insert a table'", "description: 'Eine Tabelle einfügen'"],
  ["description: 'Insert an image'", "description: 'Ein Bild mit Beschreibung einfügen'"],
  ["description: 'Insert an ordered list'", "description: 'Eine nummerierte Liste einfügen'"],
  ["description: 'Insert an unordered list'", "description: 'Eine Aufzählung einfügen'"],
  ["description: 'Use this for a top level heading'", "description: 'Für die oberste Überschrift'"],
  ["description: 'Use this for key sections'", "description: 'Für die Hauptabschnitte'"],
  ["description: 'Use this for sub-sections'", "description: 'Für Unterabschnitte'"],
  ["description: 'Use this for deep headings'", "description: 'Für tiefere Gliederung'"],
  ["description: 'Use this for grouping list items'", "description: 'Zum Gruppieren von Listenpunkten'"],
  ["description: 'Use this for low-level headings'", "description: 'Für die kleinste Überschrift'"],
];

/**
 * Applies the table to the files' texts; `missing` lists the snippets found in none of them.
 * @param {string[]} texts
 * @returns {{ out: string[]; missing: string[] }}
 */
export function germanise(texts) {
  /** @type {Set<string>} */
  const found = new Set();
  const out = texts.map((text) => {
    let result = text;
    for (const [english, german] of GERMAN) {
      // Already German (a second run, or a German snippet that contains the English one): leave it.
      if (english !== german && result.includes(german)) found.add(english);
      else if (result.includes(english)) {
        found.add(english);
        result = result.replaceAll(english, german);
      }
    }
    return result;
  });
  const missing = GERMAN.filter(([english]) => !found.has(english)).map(([english]) => english);
  return { out, missing };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const paths = FILES.map((file) => join(modules, file));
  const { out, missing } = germanise(paths.map((path) => readFileSync(path, 'utf8')));
  if (missing.length) {
    console.error(`Keystatic hat sich geändert; diese Stellen fehlen:\n${missing.join('\n')}`);
    process.exit(1);
  }
  // A new file, not a write into the old one: node_modules may be hard-linked into other checkouts.
  paths.forEach((path, i) => {
    unlinkSync(path);
    writeFileSync(path, out[i] ?? '');
  });
  console.log(`Keystatic: ${GERMAN.length} Stellen deutsch.`);
}
