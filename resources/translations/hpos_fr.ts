<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>HPOS version</source>
        <extracomment>The facts shown, in order: key and English label (translated in the dialog).</extracomment>
        <translation>Version de HPOS</translation>
    </message>
    <message>
        <source>Qt version</source>
        <translation>Version de Qt</translation>
    </message>
    <message>
        <source>PySide6 version</source>
        <translation>Version de PySide6</translation>
    </message>
    <message>
        <source>Python version</source>
        <translation>Version de Python</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Profile folder</source>
        <translation>Dossier du profil</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Dossier des données</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Fichier journal</translation>
    </message>
    <message>
        <source>About HPOS</source>
        <extracomment>The file packaging/notices.py writes into the built app, next to the shipped resources.</extracomment>
        <translation>À propos de HPOS</translation>
    </message>
    <message>
        <source>HPOS {version}</source>
        <translation>HPOS {version}</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Copy these details to the clipboard</source>
        <translation>Copier ces informations dans le presse-papiers</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Ouvrir le dossier des &amp;journaux</translation>
    </message>
    <message>
        <source>Third-party &amp;notices</source>
        <translation>&amp;Mentions tierces</translation>
    </message>
    <message>
        <source>The licences of the software HPOS is built with (Qt, PySide6, Python...)</source>
        <translation>Les licences des logiciels avec lesquels HPOS est construit (Qt, PySide6, Python...)</translation>
    </message>
    <message>
        <source>Written when HPOS is built: this copy runs from its source code.</source>
        <translation>Écrites à la construction de HPOS : cette copie tourne depuis son code source.</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>Copié dans le presse-papiers.</translation>
    </message>
    <message>
        <source>The third-party notices could not be opened. They are here: {path}</source>
        <translation>Les mentions tierces n&apos;ont pas pu être ouvertes. Elles sont ici : {path}</translation>
    </message>
    <message>
        <source>Third-party notices</source>
        <translation>Mentions tierces</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>Dossier des journaux</translation>
    </message>
    <message>
        <source>The log folder could not be opened. It is here: {path}</source>
        <translation>Impossible d’ouvrir le dossier des journaux. Il se trouve ici&#xa0;: {path}</translation>
    </message>
</context>
<context>
    <name>AllTillsModel</name>
    <message>
        <source>Total</source>
        <extracomment>Columns: till, sales paid, amount, fees, net, unpaid. Row kinds (``data(index, KIND_ROLE)``).</extracomment>
        <translation>Total</translation>
    </message>
    <message>
        <source>Not from HPOS</source>
        <translation>Hors HPOS</translation>
    </message>
    <message>
        <source>(no sale number)</source>
        <translation>(sans numéro de vente)</translation>
    </message>
    <message>
        <source>Till journal {journal}</source>
        <translation>Journal de caisse {journal}</translation>
    </message>
    <message>
        <source>Payments with no HPOS sale reference (taken elsewhere):</source>
        <translation>Paiements sans référence de vente HPOS (encaissés ailleurs) :</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… et {count} de plus</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <source>Sales paid</source>
        <translation>Ventes payées</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Frais</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>Unpaid</source>
        <translation>Non payées</translation>
    </message>
</context>
<context>
    <name>AllTillsView</name>
    <message>
        <source>Reading HPAY&apos;s history of {day}…</source>
        <extracomment>A reading ended: the report (an :class:`~hpos.sales.all_tills.AllTillsReport`). A reading failed: the sentence shown.</extracomment>
        <translation>Lecture de l&apos;historique HPAY du {day}…</translation>
    </message>
    <message>
        <source>All tills</source>
        <translation>Toutes les caisses</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Jour :</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Read this day from HPAY&apos;s history again</source>
        <translation>Relire ce jour dans l&apos;historique HPAY</translation>
    </message>
    <message>
        <source>Reading HPAY&apos;s history of {day}… {count} payments so far</source>
        <translation>Lecture de l&apos;historique HPAY du {day}… {count} paiements lus</translation>
    </message>
    <message>
        <source>HPAY&apos;s history of {day} could not be read: {reason}</source>
        <translation>L&apos;historique HPAY du {day} n&apos;a pas pu être lu : {reason}</translation>
    </message>
    <message>
        <source>No payments in HPAY&apos;s history on this day.</source>
        <translation>Aucun paiement dans l&apos;historique HPAY ce jour-là.</translation>
    </message>
    <message>
        <source>Not from HPOS: {count} payment(s) with no HPOS sale reference, taken elsewhere (HPAY&apos;s dashboard, another system).</source>
        <translation>Hors HPOS : {count} paiement(s) sans référence de vente HPOS, encaissé(s) ailleurs (tableau de bord HPAY, autre système).</translation>
    </message>
    <message>
        <source>{count} payment(s) of the other mode left out.</source>
        <translation>{count} paiement(s) de l&apos;autre mode laissé(s) de côté.</translation>
    </message>
    <message>
        <source>{mode} · {count} payments read from HPAY&apos;s history at {time}</source>
        <translation>{mode} · {count} paiements lus dans l&apos;historique HPAY à {time}</translation>
    </message>
</context>
<context>
    <name>AmountRefusal</name>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>Le montant doit être supérieur à zéro.</translation>
    </message>
    <message>
        <source>That is not an amount: type digits such as {example}.</source>
        <translation>Ce n’est pas un montant&#xa0;: tapez des chiffres, par exemple {example}.</translation>
    </message>
    <message>
        <source>An amount has one decimal separator at most (and no thousands separators).</source>
        <translation>Un montant a un seul séparateur décimal au plus (et pas de séparateur de milliers).</translation>
    </message>
    <message>
        <source>{currency} has no decimals: type whole francs.</source>
        <translation>Pas de décimales en {currency}&#xa0;: tapez des francs entiers.</translation>
    </message>
    <message>
        <source>{currency} has no decimals: type a whole amount.</source>
        <translation>Pas de décimales en {currency}&#xa0;: tapez un montant entier.</translation>
    </message>
    <message>
        <source>{currency} has {places} decimals: type at most {places} digits after the separator.</source>
        <translation>{currency}&#xa0;: {places} décimales, tapez au plus {places} chiffres après la virgule.</translation>
    </message>
    <message>
        <source>This amount is too large: the maximum is {maximum}.</source>
        <translation>Montant trop élevé&#xa0;: le maximum est {maximum}.</translation>
    </message>
    <message>
        <source>Press ⌫ to type on.</source>
        <translation>Appuyez sur ⌫ pour continuer.</translation>
    </message>
</context>
<context>
    <name>BrokenSettings</name>
    <message>
        <source>It is not text (binary data).</source>
        <extracomment>The window&apos;s exit code when the user quits over unusable settings (as the CLI&apos;s).</extracomment>
        <translation>Il ne contient pas du texte (données binaires).</translation>
    </message>
    <message>
        <source>It is empty.</source>
        <translation>Il est vide.</translation>
    </message>
    <message>
        <source>It is not valid JSON at line {line}.</source>
        <translation>Ce n’est pas du JSON valide à la ligne {line}.</translation>
    </message>
    <message>
        <source>It is not valid JSON.</source>
        <translation>Ce n’est pas du JSON valide.</translation>
    </message>
    <message>
        <source>It is not a settings object.</source>
        <translation>Ce n’est pas un objet de réglages.</translation>
    </message>
    <message>
        <source>The setting “{key}” has a value of the wrong type or out of range.</source>
        <translation>Le réglage « {key} » a une valeur du mauvais type ou hors limites.</translation>
    </message>
    <message>
        <source>It cannot be read.</source>
        <translation>Il ne peut pas être lu.</translation>
    </message>
    <message>
        <source>HPOS: settings cannot be read</source>
        <translation>HPOS : réglages illisibles</translation>
    </message>
    <message>
        <source>HPOS cannot use its settings file {file}.</source>
        <translation>HPOS ne peut pas utiliser son fichier de réglages {file}.</translation>
    </message>
    <message>
        <source>File: {path}

Start with default settings: the broken file is kept as {backup} in the same folder, and the secret key stays in the system keyring. You will need to enter the shop&apos;s settings again.

Quit: nothing is changed.</source>
        <translation>Fichier : {path}

Démarrer avec les réglages par défaut : le fichier abîmé est conservé sous le nom {backup} dans le même dossier, et la clé secrète reste dans le trousseau du système. Il faudra saisir à nouveau les réglages de la boutique.

Quitter : rien n’est modifié.</translation>
    </message>
    <message>
        <source>Start with default settings</source>
        <translation>Démarrer avec les réglages par défaut</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>HPOS could not keep the broken settings file aside: {reason}</source>
        <translation>HPOS n’a pas pu mettre de côté le fichier de réglages abîmé : {reason}</translation>
    </message>
</context>
<context>
    <name>CartLinesView</name>
    <message>
        <source>+ {count} more</source>
        <extracomment>Lines shown; the rest are counted (&quot;+ 3 more&quot;). Longest name shown whole.</extracomment>
        <translation>+ {count} autres</translation>
    </message>
</context>
<context>
    <name>CartView</name>
    <message>
        <source>{price} each</source>
        <extracomment>Smallest side of a line&apos;s buttons (a finger). The row was tapped (to select it). (line index, +1 or -1): one more or one less of a line. The line at this index is to go. The &quot;Empty the cart&quot; button. A line was tapped: it becomes the selected one.</extracomment>
        <translation>{price} l’unité</translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>1 article</translation>
    </message>
    <message>
        <source>{count} items</source>
        <translation>{count} articles</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>Panier</translation>
    </message>
    <message>
        <source>Empty the cart</source>
        <translation>Vider le panier</translation>
    </message>
    <message>
        <source>Tap an item, scan its barcode or press {key} to find it.</source>
        <translation>Touchez un article, scannez son code-barres ou appuyez sur {key} pour le trouver.</translation>
    </message>
    <message>
        <source>One less</source>
        <translation>Un de moins</translation>
    </message>
    <message>
        <source>One more</source>
        <translation>Un de plus</translation>
    </message>
    <message>
        <source>Remove the line</source>
        <translation>Retirer la ligne</translation>
    </message>
</context>
<context>
    <name>CashierScreen</name>
    <message>
        <source>Not connected to HPAY yet.</source>
        <extracomment>A confirmation dialog: (parent, title, question) -&gt; True to go ahead. The page shown changed: one of :data:`PAGES`. The PAID page&apos;s &quot;Print receipt&quot; button was pressed.</extracomment>
        <translation>Pas encore connecté à HPAY.</translation>
    </message>
    <message>
        <source>Type an amount first.</source>
        <extracomment>Currencies whose unit is a franc (&quot;type whole francs&quot;).</extracomment>
        <translation>Saisissez d’abord un montant.</translation>
    </message>
    <message>
        <source>Cancel sale {number} of {amount}?

The QR code will be taken off the screen. If the customer pays anyway, HPOS will still see it and mark the sale PAID LATE.</source>
        <translation>Annuler la vente {number} de {amount}&#x202f;?

Le code QR sera retiré de l’écran. Si le client paie quand même, HPOS le verra et marquera la vente PAYÉE EN RETARD.</translation>
    </message>
    <message>
        <source>Cancel this sale?</source>
        <translation>Annuler cette vente&#x202f;?</translation>
    </message>
    <message>
        <source>Not connected to HPAY: {reason}</source>
        <translation>Non connecté à HPAY&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Connecting to HPAY…</source>
        <translation>Connexion à HPAY…</translation>
    </message>
    <message>
        <source>TEST MODE · Ready · amounts in {currency}</source>
        <translation>MODE TEST · Prêt · montants en {currency}</translation>
    </message>
    <message>
        <source>Ready · amounts in {currency}</source>
        <translation>Prêt · montants en {currency}</translation>
    </message>
    <message>
        <source>Checked with HPAY.</source>
        <translation>Vérifié auprès de HPAY.</translation>
    </message>
    <message>
        <source>Sale {number} · {product}</source>
        <translation>Vente {number} · {product}</translation>
    </message>
    <message>
        <source>Sale {number} was paid late: {amount}.</source>
        <translation>La vente {number} a été payée en retard&#xa0;: {amount}.</translation>
    </message>
    <message>
        <source>Sale {number} was paid: {amount}.</source>
        <translation>La vente {number} a été payée&#xa0;: {amount}.</translation>
    </message>
    <message>
        <source>Sale {number} needs a manager: its payment must be checked.</source>
        <translation>La vente {number} doit être vérifiée par un responsable&#xa0;: son paiement est à contrôler.</translation>
    </message>
    <message>
        <source>Connection to HPAY lost: retrying. The customer can still pay; HPOS will see the payment when the connection is back.</source>
        <translation>Connexion à HPAY perdue&#xa0;: nouvelle tentative. Le client peut quand même payer&#x202f;; HPOS verra le paiement au retour de la connexion.</translation>
    </message>
    <message>
        <source>Asking HPAY…</source>
        <translation>Interrogation de HPAY…</translation>
    </message>
    <message>
        <source>1 sale from last time is still waiting for payment — F3 shows it.</source>
        <extracomment>States the status speaks of (the watcher&apos;s), in the order it says them.</extracomment>
        <translation>1 vente de la dernière fois attend encore son paiement — F3 l’affiche.</translation>
    </message>
    <message>
        <source>{count} sales from last time are still waiting for payment — F3 shows the newest.</source>
        <translation>{count} ventes de la dernière fois attendent encore leur paiement — F3 affiche la plus récente.</translation>
    </message>
    <message>
        <source>1 earlier sale is still waiting for payment — F3 shows it.</source>
        <translation>1 vente précédente attend encore son paiement — F3 l’affiche.</translation>
    </message>
    <message>
        <source>{count} earlier sales are still waiting for payment — F3 shows the newest.</source>
        <translation>{count} ventes précédentes attendent encore leur paiement — F3 affiche la plus récente.</translation>
    </message>
    <message>
        <source>Checking with HPAY whether 1 sale from last time was paid.</source>
        <translation>Vérification auprès de HPAY&#xa0;: 1 vente de la dernière fois a-t-elle été payée&#x202f;?</translation>
    </message>
    <message>
        <source>Checking with HPAY whether {count} sales from last time were paid.</source>
        <translation>Vérification auprès de HPAY&#xa0;: {count} ventes de la dernière fois ont-elles été payées&#x202f;?</translation>
    </message>
    <message>
        <source>Checking with HPAY whether 1 earlier sale was paid.</source>
        <translation>Vérification auprès de HPAY&#xa0;: 1 vente précédente a-t-elle été payée&#x202f;?</translation>
    </message>
    <message>
        <source>Checking with HPAY whether {count} earlier sales were paid.</source>
        <translation>Vérification auprès de HPAY&#xa0;: {count} ventes précédentes ont-elles été payées&#x202f;?</translation>
    </message>
    <message>
        <source>Watching 1 cancelled sale from last time for a late payment.</source>
        <translation>Surveillance d’1 vente annulée de la dernière fois (paiement tardif possible).</translation>
    </message>
    <message>
        <source>Watching {count} cancelled sales from last time for a late payment.</source>
        <translation>Surveillance de {count} ventes annulées de la dernière fois (paiement tardif possible).</translation>
    </message>
    <message>
        <source>Watching 1 cancelled sale for a late payment.</source>
        <translation>Surveillance d’1 vente annulée (paiement tardif possible).</translation>
    </message>
    <message>
        <source>Watching {count} cancelled sales for a late payment.</source>
        <translation>Surveillance de {count} ventes annulées (paiement tardif possible).</translation>
    </message>
    <message>
        <source>Watching 1 expired sale from last time for a late payment.</source>
        <translation>Surveillance d’1 vente expirée de la dernière fois (paiement tardif possible).</translation>
    </message>
    <message>
        <source>Watching {count} expired sales from last time for a late payment.</source>
        <translation>Surveillance de {count} ventes expirées de la dernière fois (paiement tardif possible).</translation>
    </message>
    <message>
        <source>Watching 1 expired sale for a late payment.</source>
        <translation>Surveillance d’1 vente expirée (paiement tardif possible).</translation>
    </message>
    <message>
        <source>Watching {count} expired sales for a late payment.</source>
        <translation>Surveillance de {count} ventes expirées (paiement tardif possible).</translation>
    </message>
    <message>
        <source>Sale {number} was never sent to HPAY: nothing was charged.</source>
        <translation>La vente {number} n’a jamais été envoyée à HPAY&#xa0;: rien n’a été encaissé.</translation>
    </message>
    <message>
        <source>Sale {number} from last time is still waiting for payment: its QR code is back on screen.</source>
        <translation>La vente {number} de la dernière fois attend encore son paiement&#xa0;: son code QR est de retour à l’écran.</translation>
    </message>
    <message>
        <source>Sale {number} is still waiting for payment: its QR code is back on screen.</source>
        <translation>La vente {number} attend encore son paiement&#xa0;: son code QR est de retour à l’écran.</translation>
    </message>
    <message>
        <source>The cart is full: at most {count} lines.</source>
        <translation>Le panier est plein : {count} lignes au plus.</translation>
    </message>
    <message>
        <source>At most {count} of one item on a line.</source>
        <translation>Au plus {count} d’un même article sur une ligne.</translation>
    </message>
    <message>
        <source>The cart&apos;s total would be above the most HPAY takes.</source>
        <translation>Le total du panier dépasserait le maximum accepté par HPAY.</translation>
    </message>
    <message>
        <source>+ 1 more</source>
        <translation>+ 1 autre</translation>
    </message>
    <message>
        <source>Added {name}</source>
        <translation>Ajouté : {name}</translation>
    </message>
    <message>
        <source>Misc.</source>
        <translation>Divers</translation>
    </message>
    <message>
        <source>Take every line out of the cart?</source>
        <translation>Retirer toutes les lignes du panier ?</translation>
    </message>
    <message>
        <source>Empty the cart?</source>
        <translation>Vider le panier ?</translation>
    </message>
    <message>
        <source>No item has the code {code}.</source>
        <translation>Aucun article n’a le code {code}.</translation>
    </message>
    <message>
        <source>+ {count} more</source>
        <translation>+ {count} autres</translation>
    </message>
</context>
<context>
    <name>CashiersBox</name>
    <message>
        <source>Cashiers</source>
        <translation>Caissiers</translation>
    </message>
    <message>
        <source>Optional. The cashier on duty is picked at the top right of the window; each sale, its receipt and the day report say who served. No passwords.</source>
        <translation>Facultatif. Le caissier de service se choisit en haut à droite de la fenêtre ; chaque vente, son reçu et le rapport du jour disent qui a servi. Pas de mot de passe.</translation>
    </message>
    <message>
        <source>Cashier names</source>
        <translation>Noms des caissiers</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Cashier name</source>
        <translation>Nom du caissier</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Add this cashier</source>
        <translation>Ajouter ce caissier</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>Rename the selected cashier</source>
        <translation>Renommer le caissier sélectionné</translation>
    </message>
    <message>
        <source>Give the selected cashier the name typed below</source>
        <translation>Donner au caissier sélectionné le nom saisi ci-dessous</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove the selected cashier</source>
        <translation>Retirer le caissier sélectionné</translation>
    </message>
    <message>
        <source>Type a name first.</source>
        <translation>Saisissez d’abord un nom.</translation>
    </message>
    <message>
        <source>{name} is already in the list.</source>
        <translation>{name} est déjà dans la liste.</translation>
    </message>
    <message>
        <source>The list holds at most {count} names.</source>
        <translation>La liste compte au plus {count} noms.</translation>
    </message>
</context>
<context>
    <name>CatalogueFiles</name>
    <message>
        <source>Connect to HPAY first: prices are in the account’s currency, known once HPOS has reached HPAY.</source>
        <extracomment>An import was written: the :class:`~hpos.ui.catalogue.jobs.Done` (catalogue after it). Something written or saved: a sentence. Nothing written or saved: why.</extracomment>
        <translation>Connectez-vous d’abord à HPAY&#xa0;: les prix sont dans la devise du compte, connue dès qu’HPOS a joint HPAY.</translation>
    </message>
    <message>
        <source>Import a catalogue</source>
        <translation>Importer un catalogue</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Nothing was imported: the catalogue changed since the file was read ({reason}). Import the file again.</source>
        <translation>Rien n’a été importé&#xa0;: le catalogue a changé depuis la lecture du fichier ({reason}). Importez le fichier de nouveau.</translation>
    </message>
    <message>
        <source>Nothing was imported: {reason}</source>
        <translation>Rien n’a été importé&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>“{file}” was not imported: {reason}</source>
        <translation>«&#xa0;{file}&#xa0;» n’a pas été importé&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Save the import report</source>
        <translation>Enregistrer le rapport d’importation</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Fichiers texte (*.txt)</translation>
    </message>
    <message>
        <source>Report saved: {path}</source>
        <translation>Rapport enregistré&#xa0;: {path}</translation>
    </message>
    <message>
        <source>The report could not be saved ({path}).</source>
        <translation>Le rapport n’a pas pu être enregistré ({path}).</translation>
    </message>
    <message>
        <source>Export the catalogue</source>
        <translation>Exporter le catalogue</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>{count} items exported: {path}</source>
        <translation>{count} article(s) exporté(s)&#xa0;: {path}</translation>
    </message>
    <message>
        <source>The catalogue could not be exported ({path}).</source>
        <translation>Le catalogue n’a pas pu être exporté ({path}).</translation>
    </message>
</context>
<context>
    <name>CatalogueModel</name>
    <message>
        <source>Archived: off the quick keys and the scanner; past sales keep it.</source>
        <extracomment>Columns: name, price, category, barcode, SKU, colour, status. ``data(index, ITEM_ROLE)``: the row&apos;s :class:`Item`.</extracomment>
        <translation>Archivé&#xa0;: retiré des touches rapides et du scanner&#xa0;; les ventes passées le gardent.</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivé</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Code-barres</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>CataloguePage</name>
    <message>
        <source>Remove an item</source>
        <extracomment>The item was written: a :class:`~hpos.ui.catalogue.jobs.Done`.</extracomment>
        <translation>Supprimer un article</translation>
    </message>
    <message>
        <source>Remove “{name}”? An item no sale names is deleted; an item already sold is archived instead, so that its sales keep it.</source>
        <translation>Supprimer «&#xa0;{name}&#xa0;»&#xa0;? Un article qu’aucune vente ne cite est effacé&#xa0;; un article déjà vendu est archivé à la place, pour que ses ventes le gardent.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Connect to HPAY first: prices are in the account’s currency, known once HPOS has reached HPAY.</source>
        <extracomment>The rows the columns&apos; widths are fitted to (the first ones, in the order shown). The catalogue was written (add, edit, archive, restore, remove, import). The items are on screen (after each reading). A sentence for the status bar (something done, or why not).</extracomment>
        <translation>Connectez-vous d’abord à HPAY&#xa0;: les prix sont dans la devise du compte, connue dès qu’HPOS a joint HPAY.</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <source>Filter: name, code or category</source>
        <translation>Filtrer&#xa0;: nom, code ou catégorie</translation>
    </message>
    <message>
        <source>Show archi&amp;ved</source>
        <translation>Afficher les archi&amp;vés</translation>
    </message>
    <message>
        <source>A&amp;dd…</source>
        <translation>A&amp;jouter…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Delete an item never sold; an item already sold is archived instead</source>
        <translation>Efface un article jamais vendu&#xa0;; un article déjà vendu est archivé à la place</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Importer un CSV…</translation>
    </message>
    <message>
        <source>Add and change items from a CSV file: a report first, then Import</source>
        <translation>Ajouter et modifier des articles depuis un fichier CSV&#xa0;: d’abord un rapport, puis Importer</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;xporter en CSV…</translation>
    </message>
    <message>
        <source>Save the items shown as a CSV file</source>
        <translation>Enregistrer les articles affichés dans un fichier CSV</translation>
    </message>
    <message>
        <source>Res&amp;tore</source>
        <translation>Res&amp;taurer</translation>
    </message>
    <message>
        <source>Back on the quick keys and the scanner</source>
        <translation>De retour sur les touches rapides et le scanner</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archiver</translation>
    </message>
    <message>
        <source>Off the quick keys and the scanner; past sales keep it</source>
        <translation>Retiré des touches rapides et du scanner&#xa0;; les ventes passées le gardent</translation>
    </message>
    <message>
        <source>The catalogue could not be read: {reason}</source>
        <translation>Le catalogue n’a pas pu être lu&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Not restored: {reason}</source>
        <translation>Non restauré&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Nothing was changed: {reason}</source>
        <translation>Rien n’a été modifié&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>“{name}” added.</source>
        <translation>«&#xa0;{name}&#xa0;» ajouté.</translation>
    </message>
    <message>
        <source>“{name}” saved.</source>
        <translation>«&#xa0;{name}&#xa0;» enregistré.</translation>
    </message>
    <message>
        <source>“{name}” archived: off the quick keys and the scanner.</source>
        <translation>«&#xa0;{name}&#xa0;» archivé&#xa0;: retiré des touches rapides et du scanner.</translation>
    </message>
    <message>
        <source>“{name}” restored: back on the quick keys and the scanner.</source>
        <translation>«&#xa0;{name}&#xa0;» restauré&#xa0;: de retour sur les touches rapides et le scanner.</translation>
    </message>
    <message>
        <source>“{name}” deleted.</source>
        <translation>«&#xa0;{name}&#xa0;» effacé.</translation>
    </message>
    <message>
        <source>“{name}” archived, because sales name it: it stays in their receipts and reports.</source>
        <translation>«&#xa0;{name}&#xa0;» archivé, car des ventes le citent&#xa0;: il reste dans leurs reçus et leurs rapports.</translation>
    </message>
    <message>
        <source>Import done: {count} items written.</source>
        <translation>Importation faite&#xa0;: {count} article(s) enregistré(s).</translation>
    </message>
    <message>
        <source>this item is no longer in the catalogue (read it again).</source>
        <translation>cet article n’est plus dans le catalogue (relisez-le).</translation>
    </message>
    <message>
        <source>The catalogue’s prices are in {catalogue}; this account charges in {account}. The cashier cannot sell them until the catalogue is in {account}.</source>
        <translation>Les prix du catalogue sont en {catalogue}&#xa0;; ce compte encaisse en {account}. La caisse ne peut pas les vendre tant que le catalogue n’est pas en {account}.</translation>
    </message>
    <message>
        <source>Not connected to HPAY: prices are shown in {currency}.</source>
        <translation>Pas connecté à HPAY&#xa0;: les prix sont affichés en {currency}.</translation>
    </message>
</context>
<context>
    <name>CatalogueWords</name>
    <message>
        <source>Type a price.</source>
        <translation>Tapez un prix.</translation>
    </message>
    <message>
        <source>The price must be more than zero.</source>
        <translation>Le prix doit être supérieur à zéro.</translation>
    </message>
    <message>
        <source>The price “{price}” is too large for a payment.</source>
        <translation>Le prix «&#xa0;{price}&#xa0;» est trop élevé pour un paiement.</translation>
    </message>
    <message>
        <source>“{price}”: {currency} prices have no decimals.</source>
        <translation>«&#xa0;{price}&#xa0;»&#xa0;: les prix en {currency} n’ont pas de décimales.</translation>
    </message>
    <message>
        <source>“{price}”: {currency} prices have at most {places} decimals.</source>
        <translation>«&#xa0;{price}&#xa0;»&#xa0;: les prix en {currency} ont au plus {places} décimales.</translation>
    </message>
    <message>
        <source>“{price}” is not a price: type digits with one decimal separator at most, such as {example}.</source>
        <translation>«&#xa0;{price}&#xa0;» n’est pas un prix&#xa0;: tapez des chiffres avec un seul séparateur décimal au plus, par exemple {example}.</translation>
    </message>
    <message>
        <source>The item needs a name.</source>
        <translation>L’article doit avoir un nom.</translation>
    </message>
    <message>
        <source>The name is too long: at most {count} characters.</source>
        <translation>Le nom est trop long&#xa0;: {count} caractères au plus.</translation>
    </message>
    <message>
        <source>“{code}” is not a barcode: 1 to {count} letters without accents, digits or signs, no spaces.</source>
        <translation>«&#xa0;{code}&#xa0;» n’est pas un code-barres&#xa0;: de 1 à {count} lettres sans accent, chiffres ou signes, sans espace.</translation>
    </message>
    <message>
        <source>“{code}” is not a SKU: 1 to {count} letters without accents, digits or signs, no spaces.</source>
        <translation>«&#xa0;{code}&#xa0;» n’est pas une référence&#xa0;: de 1 à {count} lettres sans accent, chiffres ou signes, sans espace.</translation>
    </message>
    <message>
        <source>The category is too long: at most {count} characters.</source>
        <translation>La catégorie est trop longue&#xa0;: {count} caractères au plus.</translation>
    </message>
    <message>
        <source>“{colour}” is not a colour: #RRGGBB or one of {names}.</source>
        <translation>«&#xa0;{colour}&#xa0;» n’est pas une couleur&#xa0;: #RRVVBB ou l’une de {names}.</translation>
    </message>
    <message>
        <source>“{item}” already has this barcode.</source>
        <translation>Ce code-barres est déjà celui de «&#xa0;{item}&#xa0;».</translation>
    </message>
    <message>
        <source>“{item}” already has this SKU.</source>
        <translation>Cette référence est déjà celle de «&#xa0;{item}&#xa0;».</translation>
    </message>
    <message>
        <source>The catalogue’s prices are in {catalogue}; this account charges in {account}. Nothing was written. Export the catalogue, change its prices, and import it on a till of that account.</source>
        <translation>Les prix du catalogue sont en {catalogue}&#xa0;; ce compte encaisse en {account}. Rien n’a été enregistré. Exportez le catalogue, changez ses prix et importez-le sur une caisse de ce compte.</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Rouge</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Orange</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Jaune</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Vert</translation>
    </message>
    <message>
        <source>Teal</source>
        <translation>Bleu canard</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Bleu</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>Violet</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>Rose</translation>
    </message>
    <message>
        <source>Brown</source>
        <translation>Marron</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Gris</translation>
    </message>
    <message>
        <source>Not as many cells as the header has columns.</source>
        <translation>Pas autant de cellules que l’en-tête a de colonnes.</translation>
    </message>
    <message>
        <source>The “archived” cell is not yes or no.</source>
        <translation>La cellule «&#xa0;archived&#xa0;» n’est ni oui ni non.</translation>
    </message>
    <message>
        <source>This item is already on an earlier line.</source>
        <translation>Cet article est déjà sur une ligne précédente.</translation>
    </message>
    <message>
        <source>The barcode “{code}” is a number the spreadsheet rewrote (its digits are lost): format the barcode column as text, type the codes again and save.</source>
        <translation>Le code-barres «&#xa0;{code}&#xa0;» est un nombre que le tableur a réécrit (ses chiffres sont perdus)&#xa0;: mettez la colonne des codes-barres au format texte, retapez les codes et enregistrez.</translation>
    </message>
    <message>
        <source>The price is not a price in {currency}.</source>
        <translation>Le prix n’est pas un prix en {currency}.</translation>
    </message>
    <message>
        <source>The barcode is on an earlier line or is another item’s.</source>
        <translation>Le code-barres est sur une ligne précédente ou appartient à un autre article.</translation>
    </message>
    <message>
        <source>The SKU is on an earlier line or is another item’s.</source>
        <translation>La référence est sur une ligne précédente ou appartient à un autre article.</translation>
    </message>
    <message>
        <source>The barcode is not a code: 1 to {count} letters without accents, digits or signs, no spaces.</source>
        <translation>Le code-barres n’est pas un code&#xa0;: de 1 à {count} lettres sans accent, chiffres ou signes, sans espace.</translation>
    </message>
    <message>
        <source>The SKU is not a code: 1 to {count} letters without accents, digits or signs, no spaces.</source>
        <translation>La référence n’est pas un code&#xa0;: de 1 à {count} lettres sans accent, chiffres ou signes, sans espace.</translation>
    </message>
    <message>
        <source>The colour is not #RRGGBB or one of {names}.</source>
        <translation>La couleur n’est pas #RRVVBB ni l’une de {names}.</translation>
    </message>
</context>
<context>
    <name>ChargingPage</name>
    <message>
        <source>Asking HPAY for a payment link…</source>
        <translation>Demande d’un lien de paiement à HPAY…</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Please wait. The customer does not need to do anything yet.</source>
        <translation>Veuillez patienter. Le client n’a encore rien à faire.</translation>
    </message>
</context>
<context>
    <name>ClosingBody</name>
    <message>
        <source>This till&apos;s sales ({mode})</source>
        <translation>Ventes de cette caisse ({mode})</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Ventes</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Frais</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>Not counted: {n} {mode} sale(s) of this day, kept apart.</source>
        <translation>Non comptées : {n} vente(s) {mode} de ce jour, tenues à part.</translation>
    </message>
    <message>
        <source>By cashier (paid sales)</source>
        <translation>Par caissier (ventes payées)</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payées</translation>
    </message>
    <message>
        <source>Items sold (paid sales)</source>
        <translation>Articles vendus (ventes payées)</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>HPAY&apos;s view of the day</source>
        <translation>La journée vue par HPAY</translation>
    </message>
    <message>
        <source>Not checked against HPAY.</source>
        <translation>Non vérifié auprès de HPAY.</translation>
    </message>
    <message>
        <source>HPAY: {count} paid · {total}. Matches this till.</source>
        <translation>HPAY : {count} payée(s) · {total}. Concorde avec cette caisse.</translation>
    </message>
    <message>
        <source>HPAY: {count} paid · {total}. {n} difference(s), below.</source>
        <translation>HPAY : {count} payée(s) · {total}. {n} écart(s), ci-dessous.</translation>
    </message>
    <message>
        <source>Open sales</source>
        <translation>Ventes en cours</translation>
    </message>
    <message>
        <source>None: every sale of the day is settled.</source>
        <translation>Aucune : toutes les ventes du jour sont réglées.</translation>
    </message>
    <message>
        <source>{sale} · {state} · {amount} — {step}: {why}</source>
        <translation>{sale} · {state} · {amount} — {step} : {why}</translation>
    </message>
</context>
<context>
    <name>ClosingFiles</name>
    <message>
        <source>Print the day&apos;s closing</source>
        <extracomment>Printed or saved: a sentence for the page and the status bar. Not printed or saved: the sentence shown.</extracomment>
        <translation>Imprimer la clôture du jour</translation>
    </message>
    <message>
        <source>Closing printed on {printer}.</source>
        <translation>Clôture imprimée sur {printer}.</translation>
    </message>
    <message>
        <source>Save the closing as PDF</source>
        <translation>Enregistrer la clôture en PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the closing as CSV</source>
        <translation>Enregistrer la clôture en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Closing saved: {path}</source>
        <translation>Clôture enregistrée : {path}</translation>
    </message>
    <message>
        <source>The closing could not be printed or saved ({where}). Check it and try again.</source>
        <translation>La clôture n&apos;a pas pu être imprimée ni enregistrée ({where}). Vérifiez et réessayez.</translation>
    </message>
</context>
<context>
    <name>ClosingPage</name>
    <message>
        <source>Close the day</source>
        <extracomment>The printout&apos;s paper sizes, in the Print menu&apos;s order (the receipts&apos; layouts). The day&apos;s figures are on screen. Something went wrong: the sentence shown. The day was closed: the journal&apos;s record (a ClosingRecord). A printout or file was made: a sentence for the status bar. Print, PDF and CSV (dialogs, then the runner).</extracomment>
        <translation>Clôturer la journée</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Jour :</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <source>58 mm roll</source>
        <translation>Rouleau 58 mm</translation>
    </message>
    <message>
        <source>80 mm roll</source>
        <translation>Rouleau 80 mm</translation>
    </message>
    <message>
        <source>A4 page</source>
        <translation>Page A4</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Enregistrer en PDF</translation>
    </message>
    <message>
        <source>Save CSV</source>
        <translation>Enregistrer en CSV</translation>
    </message>
    <message>
        <source>Reading the day and HPAY&apos;s history…</source>
        <translation>Lecture de la journée et de l&apos;historique HPAY…</translation>
    </message>
    <message>
        <source>Closing the day…</source>
        <translation>Clôture de la journée…</translation>
    </message>
    <message>
        <source>The day could not be read: {detail}</source>
        <translation>La journée n&apos;a pas pu être lue : {detail}</translation>
    </message>
    <message>
        <source>Day closed. {closed}.</source>
        <translation>Journée clôturée. {closed}.</translation>
    </message>
    <message>
        <source>HPOS is not set up for HPAY</source>
        <translation>HPOS n&apos;est pas configuré pour HPAY</translation>
    </message>
    <message>
        <source>HPAY could not be reached ({reason}): these are this till&apos;s own figures, not checked. The day cannot be closed until HPAY answers.</source>
        <translation>HPAY est injoignable ({reason}) : ce sont les chiffres de cette caisse seule, non vérifiés. La journée ne peut pas être clôturée tant que HPAY ne répond pas.</translation>
    </message>
    <message>
        <source>Close the day again</source>
        <translation>Clôturer à nouveau</translation>
    </message>
    <message>
        <source>Since then:</source>
        <translation>Depuis :</translation>
    </message>
    <message>
        <source>Nothing changed since.</source>
        <translation>Rien n&apos;a changé depuis.</translation>
    </message>
    <message>
        <source>Paid</source>
        <extracomment>The difference kinds that are errors (red); the others are warnings (amber).</extracomment>
        <translation>Payées</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulées</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échouées</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>CRÉÉE</translation>
    </message>
    <message>
        <source>SENDING</source>
        <translation>ENVOI</translation>
    </message>
    <message>
        <source>WAITING</source>
        <translation>EN ATTENTE</translation>
    </message>
    <message>
        <source>PAID</source>
        <translation>PAYÉE</translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation>ANNULÉE</translation>
    </message>
    <message>
        <source>EXPIRED</source>
        <translation>EXPIRÉE</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>ÉCHOUÉE</translation>
    </message>
    <message>
        <source>UNKNOWN</source>
        <translation>INCONNUE</translation>
    </message>
    <message>
        <source>TO REVIEW</source>
        <translation>À VÉRIFIER</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>Attendre</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>The payment request is on its way: wait a moment.</source>
        <translation>La demande de paiement est en route : patientez un instant.</translation>
    </message>
    <message>
        <source>The customer may still be paying: wait (it expires after 15 minutes).</source>
        <translation>Le client est peut-être en train de payer : attendez (elle expire après 15 minutes).</translation>
    </message>
    <message>
        <source>Nobody watched it past its expiry: if the customer has gone, cancel it (a late payment is still caught).</source>
        <translation>Personne ne l&apos;a suivie après son expiration : si le client est parti, annulez-la (un paiement tardif est quand même repéré).</translation>
    </message>
    <message>
        <source>Outcome unknown: check it in History (F5) before charging again.</source>
        <translation>Issue inconnue : vérifiez-la dans l&apos;Historique (F5) avant d&apos;encaisser à nouveau.</translation>
    </message>
    <message>
        <source>HPOS needs a person: check it in History against HPAY.</source>
        <translation>HPOS a besoin d&apos;une personne : vérifiez-la dans l&apos;Historique par rapport à HPAY.</translation>
    </message>
    <message>
        <source>HPAY has it paid: check it in History (F5) so the till records it.</source>
        <translation>HPAY l&apos;a payée : vérifiez-la dans l&apos;Historique (F5) pour que la caisse l&apos;enregistre.</translation>
    </message>
    <message>
        <source>Not paid at HPAY</source>
        <translation>Non payée chez HPAY</translation>
    </message>
    <message>
        <source>Amount differs</source>
        <translation>Montant différent</translation>
    </message>
    <message>
        <source>Paid at HPAY only</source>
        <translation>Payée chez HPAY seulement</translation>
    </message>
    <message>
        <source>Not from this till</source>
        <translation>Pas de cette caisse</translation>
    </message>
    <message>
        <source>Dated another day</source>
        <translation>Datée d&apos;un autre jour</translation>
    </message>
    <message>
        <source>Other mode</source>
        <translation>Autre mode</translation>
    </message>
    <message>
        <source>{kind}: {detail}</source>
        <translation>{kind} : {detail}</translation>
    </message>
    <message>
        <source>Paid late after closing: {sale} {amount}</source>
        <translation>Payée en retard après la clôture : {sale} {amount}</translation>
    </message>
    <message>
        <source>Paid after closing: {sale} {amount}</source>
        <translation>Payée après la clôture : {sale} {amount}</translation>
    </message>
    <message>
        <source>Sold after closing: {sale} {amount} ({state})</source>
        <translation>Vendue après la clôture : {sale} {amount} ({state})</translation>
    </message>
    <message>
        <source>{before} at closing, now {state}: {sale} {amount}</source>
        <translation>{before} à la clôture, maintenant {state} : {sale} {amount}</translation>
    </message>
    <message>
        <source>not named</source>
        <translation>personne de nommé</translation>
    </message>
    <message>
        <source>Closed on {when} by {who}</source>
        <translation>Clôturée le {when} par {who}</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>Free amounts</source>
        <translation>Montants libres</translation>
    </message>
    <message>
        <source>Sales without lines</source>
        <translation>Ventes sans lignes</translation>
    </message>
    <message>
        <source>Day closing</source>
        <translation>Clôture de la journée</translation>
    </message>
    <message>
        <source>Till {till} · {day}</source>
        <translation>Caisse {till} · {day}</translation>
    </message>
    <message>
        <source>TEST</source>
        <translation>TEST</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Frais</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>By cashier</source>
        <translation>Par caissier</translation>
    </message>
    <message>
        <source>{count} paid · {amount} (net {net})</source>
        <translation>{count} payée(s) · {amount} (net {net})</translation>
    </message>
    <message>
        <source>Items sold</source>
        <translation>Articles vendus</translation>
    </message>
    <message>
        <source>HPAY paid</source>
        <translation>Payé chez HPAY</translation>
    </message>
    <message>
        <source>Matches HPAY</source>
        <translation>Concorde avec HPAY</translation>
    </message>
    <message>
        <source>{n} difference(s) with HPAY</source>
        <translation>{n} écart(s) avec HPAY</translation>
    </message>
    <message>
        <source>NOT checked against HPAY</source>
        <translation>NON vérifié auprès de HPAY</translation>
    </message>
    <message>
        <source>Open sales</source>
        <translation>Ventes en cours</translation>
    </message>
</context>
<context>
    <name>ConnectionTest</name>
    <message>
        <source>Contacting {host}…</source>
        <extracomment>What a test depends on: the fields&apos; URL, keys and mode (compared, never shown).</extracomment>
        <translation>Connexion à {host}…</translation>
    </message>
    <message>
        <source>Settings changed since the test: test again.</source>
        <translation>Paramètres modifiés depuis le test&#xa0;: testez à nouveau.</translation>
    </message>
</context>
<context>
    <name>CounterPage</name>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>Écran client</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Son</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Reçus</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>The language of HPOS; System follows the computer&apos;s language.</source>
        <translation>La langue de HPOS&#x202f;; «&#xa0;Langue du système&#xa0;» suit celle de l’ordinateur.</translation>
    </message>
    <message>
        <source>Customer display screen</source>
        <translation>Écran de l’affichage client</translation>
    </message>
    <message>
        <source>Play a sound when paid or failed</source>
        <translation>Jouer un son quand un paiement réussit ou échoue</translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation>Son activé</translation>
    </message>
    <message>
        <source>Sound volume</source>
        <translation>Volume du son</translation>
    </message>
    <message>
        <source>From 0 to 100 percent</source>
        <translation>De 0 à 100 pour cent</translation>
    </message>
    <message>
        <source>58 mm roll</source>
        <translation>Rouleau 58 mm</translation>
    </message>
    <message>
        <source>80 mm roll</source>
        <translation>Rouleau 80 mm</translation>
    </message>
    <message>
        <source>Show &amp;on</source>
        <translation>Afficher &amp;sur</translation>
    </message>
    <message>
        <source>&amp;Volume</source>
        <translation>&amp;Volume</translation>
    </message>
    <message>
        <source>&amp;Paper</source>
        <translation>&amp;Papier</translation>
    </message>
    <message>
        <source>Receipt paper</source>
        <translation>Papier des reçus</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Imprimante</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Oublier</translation>
    </message>
    <message>
        <source>Forget the printer</source>
        <translation>Oublier l’imprimante</translation>
    </message>
    <message>
        <source>Ask for the printer again next time</source>
        <translation>Redemander l’imprimante la prochaine fois</translation>
    </message>
    <message>
        <source>Print without asking (no print dialog)</source>
        <translation>Imprimer sans demander (sans fenêtre d’impression)</translation>
    </message>
    <message>
        <source>Print without dialog</source>
        <translation>Imprimer sans fenêtre</translation>
    </message>
    <message>
        <source>Print a receipt automatically when paid</source>
        <translation>Imprimer un reçu automatiquement au paiement</translation>
    </message>
    <message>
        <source>Print automatically when paid</source>
        <translation>Imprimer automatiquement au paiement</translation>
    </message>
    <message>
        <source>Automatic (second screen)</source>
        <translation>Automatique (deuxième écran)</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>A window on this screen</source>
        <translation>Une fenêtre sur cet écran</translation>
    </message>
    <message>
        <source>{screen} (not connected)</source>
        <translation>{screen} (non branché)</translation>
    </message>
    <message>
        <source>Full screen on a second screen when one is connected; none with one screen.</source>
        <translation>Plein écran sur un deuxième écran s’il y en a un branché&#xa0;; aucun avec un seul écran.</translation>
    </message>
    <message>
        <source>No customer display: turn the cashier&apos;s screen to show the QR code.</source>
        <translation>Pas d’écran client&#xa0;: tournez l’écran de la caisse pour montrer le code QR.</translation>
    </message>
    <message>
        <source>A window you move and size where the customer sees it; HPOS remembers where. View → Customer display (Ctrl+Shift+D) closes or reopens it.</source>
        <translation>Une fenêtre que vous placez et dimensionnez là où le client la voit&#xa0;; HPOS s’en souvient. Affichage → Écran client (Ctrl+Maj+D) la ferme ou la rouvre.</translation>
    </message>
    <message>
        <source>{screen} is not connected: no customer display until it is.</source>
        <translation>{screen} n’est pas branché&#xa0;: pas d’écran client tant qu’il ne l’est pas.</translation>
    </message>
    <message>
        <source>Full screen on {screen}; a window you move instead if the cashier&apos;s window is there.</source>
        <translation>Plein écran sur {screen}&#xa0;; une fenêtre à déplacer si la fenêtre de la caisse s’y trouve.</translation>
    </message>
    <message>
        <source>None remembered (asks, or the system default)</source>
        <translation>Aucune mémorisée (demande, ou celle par défaut du système)</translation>
    </message>
    <message>
        <source>Remembered printer</source>
        <translation>Imprimante mémorisée</translation>
    </message>
    <message>
        <source>{percent}%</source>
        <translation>{percent} %</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>HPOS hit an unexpected error. Your sales are saved. No log file could be written.</source>
        <extracomment>An error was logged (where it happened: &quot;main thread&quot;, &quot;thread &lt;name&gt;&quot;).</extracomment>
        <translation>HPOS a rencontré une erreur inattendue. Vos ventes sont enregistrées. Aucun fichier journal n’a pu être écrit.</translation>
    </message>
    <message>
        <source>HPOS hit an unexpected error. Your sales are saved. Details are in the log: {path}</source>
        <translation>HPOS a rencontré une erreur inattendue. Vos ventes sont enregistrées. Les détails sont dans le journal&#xa0;: {path}</translation>
    </message>
    <message>
        <source>It happened again ({count} more since this message opened).</source>
        <translation>C’est arrivé de nouveau ({count} fois de plus depuis l’ouverture de ce message).</translation>
    </message>
    <message>
        <source>HPOS — unexpected error</source>
        <translation>HPOS&#xa0;— erreur inattendue</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <source>Payment received — please see the cashier.</source>
        <extracomment>What the customer sees. Seconds &quot;Paid — thank you&quot; or a message stays before the display goes idle. A cart sale&apos;s lines, in place of its product name.</extracomment>
        <translation>Paiement reçu&#xa0;— veuillez vous adresser à la caisse.</translation>
    </message>
    <message>
        <source>Please see the cashier.</source>
        <translation>Veuillez vous adresser à la caisse.</translation>
    </message>
    <message>
        <source>Time left {time}</source>
        <translation>Temps restant {time}</translation>
    </message>
    <message>
        <source>This code is expiring…</source>
        <translation>Ce code expire…</translation>
    </message>
    <message>
        <source>HPOS — customer display</source>
        <translation>HPOS&#xa0;— écran client</translation>
    </message>
    <message>
        <source>TEST MODE — no real money moves</source>
        <translation>MODE TEST&#xa0;— aucun argent réel ne circule</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <source>One moment, please…</source>
        <translation>Un instant, s’il vous plaît…</translation>
    </message>
    <message>
        <source>Scan to pay</source>
        <translation>Scannez pour payer</translation>
    </message>
    <message>
        <source>Paid — thank you</source>
        <translation>Payé&#xa0;— merci</translation>
    </message>
    <message>
        <source>Payment QR code</source>
        <translation>Code QR de paiement</translation>
    </message>
</context>
<context>
    <name>CustomerDisplayManager</name>
    <message>
        <source>&amp;Customer display</source>
        <extracomment>The action&apos;s object name: F1 finds its sentence by it.</extracomment>
        <translation>É&amp;cran client</translation>
    </message>
    <message>
        <source>Close the customer display, or open it again</source>
        <translation>Fermer l’écran client, ou l’ouvrir à nouveau</translation>
    </message>
</context>
<context>
    <name>DetailsDialog</name>
    <message>
        <source>This link is not on an allowed host; not shown as a QR.</source>
        <translation>Ce lien n’est pas sur un hôte autorisé&#x202f;; pas de QR affiché.</translation>
    </message>
    <message>
        <source>This link cannot be checked; not shown as a QR.</source>
        <translation>Ce lien ne peut pas être vérifié&#x202f;; pas de QR affiché.</translation>
    </message>
    <message>
        <source>The QR code cannot be drawn here; use Copy link.</source>
        <translation>Le code QR ne peut pas être dessiné ici&#x202f;; utilisez Copier le lien.</translation>
    </message>
    <message>
        <source>Date</source>
        <extracomment>The field names (English keys of :meth:`DetailsDialog.value`), translated when shown.</extracomment>
        <translation>Date</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Transaction</translation>
    </message>
    <message>
        <source>Sale number</source>
        <translation>N° de vente</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Frais</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Served by</source>
        <translation>Servi par</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>Payment {name}</source>
        <extracomment>A paid row&apos;s receipt was asked for: (row, &quot;print&quot; | &quot;pdf&quot;); see hpos.ui.receipts.actions. How fresh the row is: &quot;&quot; (as listed), &quot;checking&quot;, &quot;checked&quot; or &quot;stale&quot;. A cart sale&apos;s lines (None: a sale without lines).</extracomment>
        <translation>Paiement {name}</translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation>{field}&#xa0;:</translation>
    </message>
    <message>
        <source>no link</source>
        <translation>aucun lien</translation>
    </message>
    <message>
        <source>Payment link</source>
        <translation>Lien de paiement</translation>
    </message>
    <message>
        <source>Print receipt…</source>
        <translation>Imprimer le reçu…</translation>
    </message>
    <message>
        <source>Print receipt ({key})</source>
        <translation>Imprimer le reçu ({key})</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>Enregistrer en &amp;PDF…</translation>
    </message>
    <message>
        <source>Scan to pay</source>
        <translation>Scannez pour payer</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
    <message>
        <source>Checking with HPAY…</source>
        <translation>Vérification auprès de HPAY…</translation>
    </message>
    <message>
        <source>Checked with HPAY at {time}.</source>
        <translation>Vérifié auprès de HPAY à {time}.</translation>
    </message>
    <message>
        <source>Last known, not refreshed: HPAY&apos;s history does not list it.</source>
        <translation>Dernier état connu, non actualisé&#xa0;: l’historique HPAY ne le liste pas.</translation>
    </message>
    <message>
        <source>{status} — paid after the sale was cancelled or expired</source>
        <translation>{status}&#xa0;— payé après l’annulation ou l’expiration de la vente</translation>
    </message>
    <message>
        <source>{status} (last known)</source>
        <translation>{status} (dernier état connu)</translation>
    </message>
    <message>
        <source>TEST — test payment, no real money</source>
        <translation>TEST&#xa0;— paiement de test, aucun argent réel</translation>
    </message>
    <message>
        <source>HPAY history</source>
        <translation>Historique HPAY</translation>
    </message>
    <message>
        <source>This till&apos;s journal</source>
        <translation>Journal de cette caisse</translation>
    </message>
    <message>
        <source>none (not paid)</source>
        <translation>aucun (non payé)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnus</translation>
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation>&amp;Copier le lien</translation>
    </message>
</context>
<context>
    <name>EntryPage</name>
    <message>
        <source>Connecting to HPAY…</source>
        <translation>Connexion à HPAY…</translation>
    </message>
    <message>
        <source>Amount to charge</source>
        <translation>Montant à encaisser</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Facultatif</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>Encaisser</translation>
    </message>
    <message>
        <source>Charge ({key})</source>
        <translation>Encaisser ({key})</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Add the typed amount to the cart</source>
        <translation>Ajouter le montant saisi au panier</translation>
    </message>
    <message>
        <source>Amount typed</source>
        <translation>Montant saisi</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Unexpected error ({name}).</source>
        <extracomment>Most rows a quiet refresh re-reads in one request (HPAY&apos;s page limit in the client). The rest of a long journal is read this long after its first screen is shown.</extracomment>
        <translation>Erreur inattendue ({name}).</translation>
    </message>
    <message>
        <source>The history was not refreshed: {reason}</source>
        <extracomment>A load failed: a sentence for the user. True while a request of the current query is in flight. A page, the journal or a quiet refresh has been applied.</extracomment>
        <translation>L’historique n’a pas été actualisé&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>The history could not be loaded: {reason} Refresh to try again.</source>
        <translation>L’historique n’a pas pu être chargé&#xa0;: {reason} Actualisez pour réessayer.</translation>
    </message>
</context>
<context>
    <name>HistoryPane</name>
    <message>
        <source>&amp;Source</source>
        <extracomment>Quiet background refresh while the pane is visible. Pause after a date is edited before the query is sent (typing a date is several edits). The CSV was written: the path. The export failed: a sentence for the user. The details of a paid row asked for its receipt: (row, &quot;print&quot; | &quot;pdf&quot;).</extracomment>
        <translation>&amp;Source</translation>
    </message>
    <message>
        <source>This till</source>
        <translation>Cette caisse</translation>
    </message>
    <message>
        <source>HPAY&apos;s history of the account, or this till&apos;s own sales</source>
        <translation>L’historique HPAY du compte, ou les ventes de cette caisse</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>S&amp;tatut</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Unchecked: any date</source>
        <translation>Décoché&#xa0;: toutes les dates</translation>
    </message>
    <message>
        <source>Search transaction, product, sale…</source>
        <translation>Chercher transaction, produit, vente…</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>Chercher…</translation>
    </message>
    <message>
        <source>Search the payments</source>
        <translation>Chercher dans les paiements</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <source>{key} opens the details of a payment</source>
        <translation>{key} ouvre le détail d’un paiement</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Load the history again (F5)</source>
        <translation>Recharger l’historique (F5)</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <source>Save the rows shown as a CSV file</source>
        <translation>Enregistrer les lignes affichées dans un fichier CSV</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Loading every page before the export…</source>
        <translation>Chargement de toutes les pages avant l’export…</translation>
    </message>
    <message>
        <source>Nothing exported: {reason}</source>
        <translation>Rien n’a été exporté&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Export annulé.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export en cours…</translation>
    </message>
    <message>
        <source>Exported {count} row to {name}.</source>
        <translation>{count} ligne exportée dans {name}.</translation>
    </message>
    <message>
        <source>Exported {count} rows to {name}.</source>
        <translation>{count} lignes exportées dans {name}.</translation>
    </message>
    <message>
        <source>Export failed.</source>
        <translation>Échec de l’export.</translation>
    </message>
    <message>
        <source>The CSV could not be written to {path}: {reason}</source>
        <translation>Le CSV n’a pas pu être écrit dans {path}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Export the history as CSV</source>
        <translation>Exporter l’historique en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Waiting for the HPAY connection…</source>
        <translation>En attente de la connexion HPAY…</translation>
    </message>
    <message>
        <source>Waiting for this till&apos;s journal…</source>
        <translation>En attente du journal de cette caisse…</translation>
    </message>
</context>
<context>
    <name>HistoryRows</name>
    <message>
        <source>Date</source>
        <extracomment>The column titles in English (the source texts; :func:`column_title` translates).</extracomment>
        <translation>Date</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Vente</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Transaction</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Frais</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>PAID</source>
        <extracomment>The same columns under flat names. What the user reads for each status (HPAY&apos;s, the journal&apos;s); others are shown as they are.</extracomment>
        <translation>PAYÉ</translation>
    </message>
    <message>
        <source>PAID LATE</source>
        <translation>PAYÉ EN RETARD</translation>
    </message>
    <message>
        <source>UNPAID</source>
        <translation>NON PAYÉ</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>CRÉÉ</translation>
    </message>
    <message>
        <source>REQUESTING</source>
        <translation>EN DEMANDE</translation>
    </message>
    <message>
        <source>AWAITING</source>
        <translation>EN ATTENTE</translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation>ANNULÉ</translation>
    </message>
    <message>
        <source>EXPIRED</source>
        <translation>EXPIRÉ</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>ÉCHOUÉ</translation>
    </message>
    <message>
        <source>UNKNOWN</source>
        <translation>INCONNU</translation>
    </message>
    <message>
        <source>REVIEW</source>
        <translation>À VÉRIFIER</translation>
    </message>
    <message>
        <source>Unknown history source {source}.</source>
        <extracomment>A cart sale&apos;s lines as sold (journal sales; HPAY&apos;s history has none).</extracomment>
        <translation>Source d’historique inconnue {source}.</translation>
    </message>
    <message>
        <source>Unknown status filter {status}.</source>
        <translation>Filtre de statut inconnu {status}.</translation>
    </message>
    <message>
        <source>The start date is after the end date.</source>
        <translation>La date de début est après la date de fin.</translation>
    </message>
    <message>
        <source>1 paid</source>
        <extracomment>The groups of states the footer counts, in the order it says them. Which group each status (HPAY&apos;s, the journal&apos;s) is counted in; any other is &quot;other&quot;. (one row, several rows) of each group: the French words agree in number.</extracomment>
        <translation>1 payée</translation>
    </message>
    <message>
        <source>{count} paid</source>
        <translation>{count} payées</translation>
    </message>
    <message>
        <source>1 waiting</source>
        <translation>1 en attente</translation>
    </message>
    <message>
        <source>{count} waiting</source>
        <translation>{count} en attente</translation>
    </message>
    <message>
        <source>1 cancelled</source>
        <translation>1 annulée</translation>
    </message>
    <message>
        <source>{count} cancelled</source>
        <translation>{count} annulées</translation>
    </message>
    <message>
        <source>1 expired</source>
        <translation>1 expirée</translation>
    </message>
    <message>
        <source>{count} expired</source>
        <translation>{count} expirées</translation>
    </message>
    <message>
        <source>1 failed</source>
        <translation>1 échouée</translation>
    </message>
    <message>
        <source>{count} failed</source>
        <translation>{count} échouées</translation>
    </message>
    <message>
        <source>1 to check</source>
        <translation>1 à vérifier</translation>
    </message>
    <message>
        <source>{count} to check</source>
        <translation>{count} à vérifier</translation>
    </message>
    <message>
        <source>1 other</source>
        <translation>1 autre</translation>
    </message>
    <message>
        <source>{count} other</source>
        <translation>{count} autres</translation>
    </message>
    <message>
        <source>PROD</source>
        <extracomment>Paid rows whose fees are not known (their fees are not in ``fees``).</extracomment>
        <translation>PROD</translation>
    </message>
    <message>
        <source>TEST (not in PROD totals)</source>
        <translation>TEST (hors totaux PROD)</translation>
    </message>
    <message>
        <source>Mode not given</source>
        <translation>Mode non indiqué</translation>
    </message>
    <message>
        <source>{mode}: {summary}</source>
        <translation>{mode}&#xa0;: {summary}</translation>
    </message>
    <message>
        <source>No payments shown.</source>
        <translation>Aucun paiement affiché.</translation>
    </message>
    <message>
        <source>Nothing paid — {counts}</source>
        <translation>Rien encaissé — {counts}</translation>
    </message>
    <message>
        <source>Paid {paid} · fees {fees} · net {net}</source>
        <translation>Encaissé {paid} · frais {fees} · net {net}</translation>
    </message>
    <message>
        <source>(fees unknown for {count})</source>
        <translation>(frais inconnus pour {count})</translation>
    </message>
    <message>
        <source>{paid} — {counts}</source>
        <translation>{paid} — {counts}</translation>
    </message>
</context>
<context>
    <name>HistoryTable</name>
    <message>
        <source>Paid after the sale was cancelled or expired.</source>
        <extracomment>``data(index, ROW_ROLE)`` is the row&apos;s :class:`HistoryRow`.</extracomment>
        <translation>Payé après l’annulation ou l’expiration de la vente.</translation>
    </message>
    <message>
        <source>TEST mode: no real money moved.</source>
        <translation>Mode TEST&#xa0;: aucun argent réel n’a circulé.</translation>
    </message>
</context>
<context>
    <name>ImportChanges</name>
    <message>
        <source>Archived</source>
        <translation>Archivé</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restauré</translation>
    </message>
    <message>
        <source>barcode {code}</source>
        <translation>code-barres {code}</translation>
    </message>
    <message>
        <source>SKU {code}</source>
        <translation>référence {code}</translation>
    </message>
    <message>
        <source>New item: {details}</source>
        <translation>Nouvel article&#xa0;: {details}</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>price</source>
        <translation>prix</translation>
    </message>
    <message>
        <source>category</source>
        <translation>catégorie</translation>
    </message>
    <message>
        <source>barcode</source>
        <translation>code-barres</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>référence</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>couleur</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <source>{added} to add, {updated} to change, {unchanged} unchanged, {rejected} line(s) rejected.</source>
        <extracomment>The rejected lines&apos; columns: line number, the line&apos;s text, why. Import pressed. Save report… pressed.</extracomment>
        <translation>{added} à ajouter, {updated} à modifier, {unchanged} inchangé(s), {rejected} ligne(s) refusée(s).</translation>
    </message>
    <message>
        <source>{archived} to archive, {restored} to restore.</source>
        <translation>{archived} à archiver, {restored} à restaurer.</translation>
    </message>
    <message>
        <source>Nothing to import.</source>
        <translation>Rien à importer.</translation>
    </message>
    <message>
        <source>Line {line}: {why}</source>
        <translation>Ligne {line}&#xa0;: {why}</translation>
    </message>
    <message>
        <source>What importing changes:</source>
        <translation>Ce que l’import change&#xa0;:</translation>
    </message>
    <message>
        <source>Line {line}: {item}: {change}</source>
        <translation>Ligne {line}&#xa0;: {item}&#xa0;: {change}</translation>
    </message>
    <message>
        <source>Import a catalogue — report</source>
        <translation>Importer un catalogue — rapport</translation>
    </message>
    <message>
        <source>File: {path}</source>
        <translation>Fichier&#xa0;: {path}</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Line’s text</source>
        <translation>Texte de la ligne</translation>
    </message>
    <message>
        <source>Why it is left out</source>
        <translation>Pourquoi elle est écartée</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>What changes</source>
        <translation>Ce qui change</translation>
    </message>
    <message>
        <source>Rejected lines ({count})</source>
        <translation>Lignes refusées ({count})</translation>
    </message>
    <message>
        <source>What changes ({count})</source>
        <translation>Ce qui change ({count})</translation>
    </message>
    <message>
        <source>&amp;Save report…</source>
        <translation>&amp;Enregistrer le rapport…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <source>Add an item</source>
        <extracomment>The fields that can be at fault, in the form&apos;s order. Save pressed with a clean draft: (item id or None for a new item, ItemDraft).</extracomment>
        <translation>Ajouter un article</translation>
    </message>
    <message>
        <source>Edit “{name}”</source>
        <translation>Modifier «&#xa0;{name}&#xa0;»</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Price ({currency}):</source>
        <translation>&amp;Prix ({currency})&#xa0;:</translation>
    </message>
    <message>
        <source>Ca&amp;tegory:</source>
        <translation>Ca&amp;tégorie&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Barcode:</source>
        <translation>Code-&amp;barres&#xa0;:</translation>
    </message>
    <message>
        <source>S&amp;KU:</source>
        <translation>Ré&amp;férence&#xa0;:</translation>
    </message>
    <message>
        <source>Tile colour:</source>
        <translation>Couleur de la touche&#xa0;:</translation>
    </message>
    <message>
        <source>Optional: scan or type it</source>
        <translation>Facultatif&#xa0;: scannez-le ou tapez-le</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Facultatif</translation>
    </message>
    <message>
        <source>Optional: shown as “Other”</source>
        <translation>Facultatif&#xa0;: affiché comme «&#xa0;Autres&#xa0;»</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>No colour: the tile has the usual look</source>
        <translation>Pas de couleur&#xa0;: la touche a l’aspect habituel</translation>
    </message>
</context>
<context>
    <name>ItemSearch</name>
    <message>
        <source>No item matches “{text}”.</source>
        <extracomment>Most matches listed. Enter or a tap on a match: its Item. Esc: the search is done.</extracomment>
        <translation>Aucun article ne correspond à « {text} ».</translation>
    </message>
    <message>
        <source>Type a name or a code · {up} {down} choose · {enter} adds · {esc} closes</source>
        <translation>Tapez un nom ou un code · {up} {down} choisir · {enter} ajoute · {esc} ferme</translation>
    </message>
    <message>
        <source>Find an item by name or code</source>
        <translation>Trouver un article par nom ou code</translation>
    </message>
    <message>
        <source>Items found</source>
        <translation>Articles trouvés</translation>
    </message>
</context>
<context>
    <name>JournalBanner</name>
    <message>
        <source>{line} (Not recorded as read: {reason})</source>
        <extracomment>Warning colours: dark text on amber, a darker edge (the TEST MODE banner is red).</extracomment>
        <translation>{line} (Lecture non enregistrée&#xa0;: {reason})</translation>
    </message>
    <message>
        <source>I understand</source>
        <translation>J’ai compris</translation>
    </message>
    <message>
        <source>I understand: hide this warning</source>
        <translation>J’ai compris&#xa0;: masquer cet avertissement</translation>
    </message>
    <message>
        <source>⚠ The sales journal was missing: earlier sales are only in HPAY&apos;s history now.</source>
        <translation>⚠ Le journal des ventes avait disparu&#xa0;: les ventes précédentes ne sont plus que dans l’historique HPAY.</translation>
    </message>
    <message>
        <source>⚠ The sales journal was emptied: earlier sales are only in HPAY&apos;s history now.</source>
        <translation>⚠ Le journal des ventes a été vidé&#xa0;: les ventes précédentes ne sont plus que dans l’historique HPAY.</translation>
    </message>
    <message>
        <source>⚠ The sales journal was replaced: earlier sales are only in HPAY&apos;s history now.</source>
        <translation>⚠ Le journal des ventes a été remplacé&#xa0;: les ventes précédentes ne sont plus que dans l’historique HPAY.</translation>
    </message>
    <message>
        <source>⚠ The sales journal was restored from an older copy: later sales are only in HPAY&apos;s history.</source>
        <translation>⚠ Le journal des ventes a été restauré d’une copie plus ancienne&#xa0;: les ventes suivantes ne sont que dans l’historique HPAY.</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Digit {digit}</source>
        <extracomment>Smallest side of a key, in pixels (a finger, not a mouse pointer). Every key, in the order the buttons are made.</extracomment>
        <translation>Chiffre {digit}</translation>
    </message>
    <message>
        <source>Double zero</source>
        <translation>Double zéro</translation>
    </message>
    <message>
        <source>Decimal separator</source>
        <translation>Séparateur décimal</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>Effacer le dernier chiffre</translation>
    </message>
    <message>
        <source>C</source>
        <comment>clear key</comment>
        <translation>C</translation>
    </message>
    <message>
        <source>Clear the amount</source>
        <translation>Effacer le montant</translation>
    </message>
    <message>
        <source>Amount keypad</source>
        <extracomment>The key tapped: &quot;0&quot;-&quot;9&quot;, &quot;00&quot;, &quot;.&quot;, &quot;backspace&quot; or &quot;clear&quot;.</extracomment>
        <translation>Pavé numérique du montant</translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <source>Enter</source>
        <extracomment>Qt&apos;s portable names of the keys HPOS names itself -&gt; the name shown (translated).</extracomment>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Échap</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>Retour arrière</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Suppr</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espace</translation>
    </message>
    <message>
        <source>Ctrl</source>
        <translation>Ctrl</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Maj</translation>
    </message>
    <message>
        <source>Alt</source>
        <translation>Alt</translation>
    </message>
    <message>
        <source>Meta</source>
        <translation>Méta</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>&amp;Print receipt…</source>
        <translation>&amp;Imprimer le reçu…</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Ouvrir le dossier des &amp;journaux</translation>
    </message>
    <message>
        <source>Not configured: try the demo or enter your HPAY keys.</source>
        <extracomment>Demos a worker started that the window has not taken yet (stopped if it closes).</extracomment>
        <translation>Non configuré&#xa0;: essayez la démo ou saisissez vos clés HPAY.</translation>
    </message>
    <message>
        <source>Starting the demo…</source>
        <translation>Démarrage de la démo…</translation>
    </message>
    <message>
        <source>The demo could not start: {reason}. Try again, or enter your keys.</source>
        <translation>La démo n’a pas pu démarrer&#xa0;: {reason}. Réessayez, ou saisissez vos clés.</translation>
    </message>
    <message>
        <source>Cashier</source>
        <extracomment>Latest start of the sales controller when the window is not painted (ms).</extracomment>
        <translation>Caisse</translation>
    </message>
    <message>
        <source>History (F2)</source>
        <translation>Historique (F2)</translation>
    </message>
    <message>
        <source>Connecting to HPAY…</source>
        <translation>Connexion à HPAY…</translation>
    </message>
    <message>
        <source>Connected to HPAY</source>
        <translation>Connecté à HPAY</translation>
    </message>
    <message>
        <source>HPOS cannot start selling</source>
        <translation>HPOS ne peut pas commencer à vendre</translation>
    </message>
    <message>
        <source>Connection to HPAY lost — retrying; no sale is lost.</source>
        <translation>Connexion à HPAY perdue&#xa0;— nouvelle tentative&#x202f;; aucune vente n’est perdue.</translation>
    </message>
    <message>
        <source>{company} · {mode} · balance {amount}</source>
        <translation>{company} · {mode} · solde {amount}</translation>
    </message>
    <message>
        <source>balance unavailable</source>
        <translation>solde indisponible</translation>
    </message>
    <message>
        <source>Balance not refreshed: {reason}</source>
        <translation>Solde non actualisé&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>HPOS — DEMO</source>
        <translation>HPOS&#xa0;— DÉMO</translation>
    </message>
    <message>
        <source>TEST MODE — test payments only, no real money moves</source>
        <extracomment>TEST MODE: shown whenever the account is in TEST. The DEMO bar (None until a demo runs).</extracomment>
        <translation>MODE TEST&#xa0;— paiements de test uniquement, aucun argent réel ne circule</translation>
    </message>
    <message>
        <source>DEMO — a local HPAY sandbox plays the bank and the customer.</source>
        <extracomment>&quot;The sandbox moved…&quot;: shown when waiting sales&apos; QR codes no longer open.</extracomment>
        <translation>DÉMO&#xa0;— un bac à sable HPAY local joue la banque et le client.</translation>
    </message>
    <message>
        <source>Phones on this network can pay the QR ({address}).</source>
        <translation>Les téléphones de ce réseau peuvent payer le QR ({address}).</translation>
    </message>
    <message>
        <source>The sandbox moved to a new address: the QR codes of sales made before no longer open. Use Simulate customer payment to pay a waiting sale.</source>
        <translation>Le bac à sable a changé d’adresse&#xa0;: les codes QR des ventes faites avant ne s’ouvrent plus. Utilisez «&#xa0;Simuler le paiement du client&#xa0;» pour payer une vente en attente.</translation>
    </message>
    <message>
        <source>Simulate customer payment</source>
        <translation>Simuler le paiement du client</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ctualiser</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;About HPOS</source>
        <translation>À &amp;propos de HPOS</translation>
    </message>
    <message>
        <source>No sale is waiting for payment.</source>
        <translation>Aucune vente n’attend de paiement.</translation>
    </message>
    <message>
        <source>Quit HPOS?</source>
        <extracomment>The question open now, if any.</extracomment>
        <translation>Quitter HPOS&#x202f;?</translation>
    </message>
    <message>
        <source>A customer may be paying. Quit anyway?</source>
        <translation>Un client est peut-être en train de payer. Quitter quand même&#x202f;?</translation>
    </message>
    <message>
        <source>Sale {number} of {amount} is waiting for payment. It stays saved: HPOS checks it again at its next start.</source>
        <translation>La vente {number} de {amount} attend son paiement. Elle reste enregistrée&#xa0;: HPOS la vérifiera à son prochain démarrage.</translation>
    </message>
    <message>
        <source>A payment is being created. It stays saved: HPOS checks it again at its next start.</source>
        <translation>Un paiement est en cours de création. Il reste enregistré&#xa0;: HPOS le vérifiera à son prochain démarrage.</translation>
    </message>
    <message>
        <source>In the demo, quitting also stops the sandbox: the payment page stops working.</source>
        <translation>Dans la démo, quitter arrête aussi le bac à sable&#xa0;: la page de paiement ne fonctionnera plus.</translation>
    </message>
    <message>
        <source>&amp;Lock manager mode</source>
        <translation>&amp;Verrouiller le mode gérant</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <extracomment>An owner window&apos;s size when the screen has room (a 1024×600 till gets less), and its least. Room left on the screen for the window&apos;s frame and title bar (px). Who closes the day when no cashier is on duty. The catalogue page wrote the catalogue (add, edit, archive, restore, remove, import).</extracomment>
        <translation>&amp;Gérant</translation>
    </message>
    <message>
        <source>&amp;Close the day…</source>
        <translation>&amp;Clôturer la journée…</translation>
    </message>
    <message>
        <source>&amp;All tills…</source>
        <translation>&amp;Toutes les caisses…</translation>
    </message>
    <message>
        <source>Ca&amp;talogue…</source>
        <translation>Ca&amp;talogue…</translation>
    </message>
    <message>
        <source>Close the day — HPOS</source>
        <translation>Clôturer la journée — HPOS</translation>
    </message>
    <message>
        <source>All tills — HPOS</source>
        <translation>Toutes les caisses — HPOS</translation>
    </message>
    <message>
        <source>Catalogue — HPOS</source>
        <translation>Catalogue — HPOS</translation>
    </message>
</context>
<context>
    <name>ManagerPin</name>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} min {seconds} s</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>Too many wrong PINs: the PIN is locked for {minutes} minutes. Time left: {left}.</source>
        <translation>Trop de codes PIN erronés : le code PIN est bloqué pendant {minutes} minutes. Temps restant : {left}.</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again in {left}.</source>
        <translation>Code PIN erroné. Réessayez dans {left}.</translation>
    </message>
    <message>
        <source>The lock is over: type the PIN.</source>
        <translation>Le blocage est terminé : tapez le code PIN.</translation>
    </message>
    <message>
        <source>Wrong PIN. Type it again.</source>
        <translation>Code PIN erroné. Tapez-le de nouveau.</translation>
    </message>
    <message>
        <source>One more wrong PIN locks it for {minutes} minutes.</source>
        <translation>Encore un code PIN erroné et il est bloqué pendant {minutes} minutes.</translation>
    </message>
</context>
<context>
    <name>ModeButton</name>
    <message>
        <source>Manager mode · Ctrl+L locks</source>
        <translation>Mode gérant · Ctrl+L verrouille</translation>
    </message>
    <message>
        <source>Click or press Ctrl+L to go back to cashier mode.</source>
        <translation>Cliquez ou appuyez sur Ctrl+L pour revenir au mode caissier.</translation>
    </message>
    <message>
        <source>Cashier mode</source>
        <translation>Mode caissier</translation>
    </message>
    <message>
        <source>Click to type the manager PIN.</source>
        <translation>Cliquez pour taper le code PIN du gérant.</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Dismiss the notice</source>
        <translation>Fermer l’avis</translation>
    </message>
</context>
<context>
    <name>PaidPage</name>
    <message>
        <source>✔ PAID LATE</source>
        <translation>✔ PAYÉ EN RETARD</translation>
    </message>
    <message>
        <source>✔ PAID</source>
        <translation>✔ PAYÉ</translation>
    </message>
    <message>
        <source>New sale</source>
        <translation>Nouvelle vente</translation>
    </message>
    <message>
        <source>New sale ({key})</source>
        <translation>Nouvelle vente ({key})</translation>
    </message>
    <message>
        <source>Print receipt ({key})</source>
        <translation>Imprimer le reçu ({key})</translation>
    </message>
    <message>
        <source>Press {key} for a new sale</source>
        <translation>Appuyez sur {key} pour une nouvelle vente</translation>
    </message>
    <message>
        <source>New sale in {seconds} s, paused while a window is open · press {key} to start now</source>
        <translation>Nouvelle vente dans {seconds} s, en pause tant qu’une fenêtre est ouverte · appuyez sur {key} pour commencer tout de suite</translation>
    </message>
    <message>
        <source>New sale in {seconds} s · press {key} to start now</source>
        <translation>Nouvelle vente dans {seconds} s · appuyez sur {key} pour commencer tout de suite</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>Imprimer le reçu</translation>
    </message>
    <message>
        <source>{product} · Sale {number}</source>
        <translation>{product} · Vente {number}</translation>
    </message>
</context>
<context>
    <name>PaymentPage</name>
    <message>
        <source>Scan to pay</source>
        <translation>Scannez pour payer</translation>
    </message>
    <message>
        <source>No payment link to show</source>
        <translation>Aucun lien de paiement à afficher</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copier le lien</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Cancel sale…</source>
        <translation>Annuler la vente…</translation>
    </message>
    <message>
        <source>Cancel sale</source>
        <translation>Annuler la vente</translation>
    </message>
    <message>
        <source>Cancel this sale ({key})</source>
        <translation>Annuler cette vente ({key})</translation>
    </message>
    <message>
        <source>Sale {number}
Transaction {transaction}</source>
        <translation>Vente {number}
Transaction {transaction}</translation>
    </message>
    <message>
        <source>Time left {time}</source>
        <translation>Temps restant {time}</translation>
    </message>
    <message>
        <source>The link is expiring…</source>
        <translation>Le lien expire…</translation>
    </message>
    <message>
        <source>Link copied</source>
        <translation>Lien copié</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Digit {digit}</source>
        <extracomment>Smallest side of a key in pixels: a fingertip, not a mouse pointer.</extracomment>
        <translation>Chiffre {digit}</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>Effacer le dernier chiffre</translation>
    </message>
    <message>
        <source>OK</source>
        <comment>the PIN pad&apos;s key that checks the PIN</comment>
        <translation>OK</translation>
    </message>
    <message>
        <source>Check the PIN</source>
        <translation>Vérifier le code PIN</translation>
    </message>
    <message>
        <source>PIN keypad</source>
        <extracomment>The key tapped: &quot;0&quot;-&quot;9&quot;, &quot;backspace&quot; or &quot;ok&quot;.</extracomment>
        <translation>Pavé du code PIN</translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <source>The PIN is {low} to {high} digits.</source>
        <extracomment>The fields changed (the dialog validates again).</extracomment>
        <translation>Le code PIN compte de {low} à {high} chiffres.</translation>
    </message>
    <message>
        <source>Type the same PIN twice.</source>
        <translation>Tapez deux fois le même code PIN.</translation>
    </message>
    <message>
        <source>Type the PIN again.</source>
        <translation>Tapez le code PIN une seconde fois.</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>Code PIN gérant</translation>
    </message>
    <message>
        <source>The saved PIN is damaged: no PIN opens it. Set a new one or remove it.</source>
        <translation>Le code PIN enregistré est endommagé : aucun code ne l’ouvre. Choisissez-en un nouveau ou supprimez-le.</translation>
    </message>
    <message>
        <source>A manager PIN is set: Settings, the TEST/PROD switch and the Owner menu (closing the day, all tills, the catalogue) ask for it. Selling, the history, reprints and the customer display never do.</source>
        <translation>Un code PIN gérant est défini&#xa0;: les Paramètres, le passage TEST/PROD et le menu Gérant (clôture de la journée, toutes les caisses, catalogue) le demandent. La vente, l’historique, les réimpressions et l’écran client ne le demandent jamais.</translation>
    </message>
    <message>
        <source>No manager PIN: anyone at the till can open Settings, switch to PROD and use the Owner menu (closing the day, the catalogue). Set a PIN of 4 to 8 digits to keep them for the manager.</source>
        <translation>Aucun code PIN gérant&#xa0;: n’importe qui à la caisse peut ouvrir les Paramètres, passer en PROD et utiliser le menu Gérant (clôture de la journée, catalogue). Définissez un code PIN de 4 à 8 chiffres pour les réserver au gérant.</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Nouveau code PIN</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Code PIN</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>Répétez-le</translation>
    </message>
    <message>
        <source>New manager PIN</source>
        <translation>Nouveau code PIN gérant</translation>
    </message>
    <message>
        <source>Repeat the new manager PIN</source>
        <translation>Répétez le nouveau code PIN gérant</translation>
    </message>
    <message>
        <source>4 to 8 digits</source>
        <translation>4 à 8 chiffres</translation>
    </message>
    <message>
        <source>Remove the manager PIN</source>
        <translation>Supprimer le code PIN gérant</translation>
    </message>
    <message>
        <source>Manager mode ends after 5 minutes without a key press or a click, or on Ctrl+L. A forgotten PIN is removed from a terminal on this computer: hpos configure --reset-pin</source>
        <translation>Le mode gérant prend fin après 5 minutes sans frappe ni clic, ou avec Ctrl+L. Un code PIN oublié se supprime depuis un terminal sur cet ordinateur : hpos configure --reset-pin</translation>
    </message>
</context>
<context>
    <name>PinPrompt</name>
    <message>
        <source>The PIN is {low} to {high} digits.</source>
        <extracomment>The pad&apos;s widest (three keys of about 100 px): a wider dialog leaves it centred. Each answer of a try (a :class:`~hpos.profile.pin.PinAnswer`), on the GUI thread.</extracomment>
        <translation>Le code PIN compte de {low} à {high} chiffres.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>The PIN could not be checked ({name}).</source>
        <translation>Le code PIN n’a pas pu être vérifié ({name}).</translation>
    </message>
    <message>
        <source>The saved manager PIN is damaged: no PIN opens it. The owner can remove it from a terminal (see the README&apos;s set-up section).</source>
        <translation>Le code PIN gérant enregistré est endommagé : aucun code ne l’ouvre. Le propriétaire peut le supprimer depuis un terminal (voir la section d’installation du README).</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>Code PIN gérant</translation>
    </message>
    <message>
        <source>This needs the manager PIN. Type it to enter manager mode.</source>
        <translation>Il faut le code PIN du gérant. Tapez-le pour passer en mode gérant.</translation>
    </message>
    <message>
        <source>4 to 8 digits</source>
        <translation>4 à 8 chiffres</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>Unlock manager mode</source>
        <translation>Déverrouiller le mode gérant</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>ProblemPage</name>
    <message>
        <source>New sale</source>
        <extracomment>How the HPAY layer names the status of an answer in its messages (&quot;... (HTTP 502) ...&quot;).</extracomment>
        <translation>Nouvelle vente</translation>
    </message>
    <message>
        <source>Payment not created</source>
        <translation>Paiement non créé</translation>
    </message>
    <message>
        <source>HPAY refused this payment or never received it. Nothing was charged. Safe to try again.</source>
        <translation>HPAY a refusé ce paiement ou ne l’a jamais reçu. Rien n’a été débité. Vous pouvez réessayer sans risque.</translation>
    </message>
    <message>
        <source>{answered}, and no payment of this sale is in HPAY&apos;s history. Nothing was charged. Safe to try again.</source>
        <translation>{answered}, et aucun paiement de cette vente n’est dans l’historique HPAY. Rien n’a été débité. Vous pouvez réessayer sans risque.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Payment link expired</source>
        <translation>Lien de paiement expiré</translation>
    </message>
    <message>
        <source>No payment within {minutes} minutes, so the link is no longer shown. If the customer pays now, HPOS will still see it and mark the sale PAID LATE.</source>
        <translation>Aucun paiement en {minutes} minutes&#xa0;: le lien n’est plus affiché. Si le client paie maintenant, HPOS le verra quand même et marquera la vente PAYÉE EN RETARD.</translation>
    </message>
    <message>
        <source>Checking the payment…</source>
        <translation>Vérification du paiement…</translation>
    </message>
    <message>
        <source>Checking whether the payment went through: HPAY did not answer in time. Do not charge again. HPOS is looking for this payment in HPAY&apos;s history.</source>
        <translation>Vérification du paiement&#xa0;: HPAY n’a pas répondu à temps. N’encaissez pas une deuxième fois. HPOS cherche ce paiement dans l’historique HPAY.</translation>
    </message>
    <message>
        <source>{answered}. HPOS is making sure no payment was created (a few seconds). Do not charge again yet.</source>
        <translation>{answered}. HPOS vérifie qu’aucun paiement n’a été créé (quelques secondes). N’encaissez pas encore une deuxième fois.</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Vérifier maintenant</translation>
    </message>
    <message>
        <source>Several payments match this sale in HPAY, or its payment is not its own. Do not charge again: ask a manager to check it in History.</source>
        <translation>Plusieurs paiements HPAY correspondent à cette vente, ou son paiement n’est pas le sien. N’encaissez pas une deuxième fois&#xa0;: demandez à un responsable de la vérifier dans l’historique.</translation>
    </message>
    <message>
        <source>A manager must check this sale</source>
        <translation>Un responsable doit vérifier cette vente</translation>
    </message>
    <message>
        <source>The payment request was sent, but this till&apos;s journal could not record HPAY&apos;s answer: {problem} HPOS looks for the payment in HPAY&apos;s history once the journal can be written, at the latest at the next start.</source>
        <translation>La demande de paiement est partie, mais le journal de cette caisse n’a pas pu enregistrer la réponse de HPAY&#xa0;: {problem} HPOS cherchera le paiement dans l’historique HPAY dès que le journal pourra être écrit, au plus tard au prochain démarrage.</translation>
    </message>
    <message>
        <source>Outcome unknown — do not charge again</source>
        <translation>Issue inconnue&#xa0;— n’encaissez pas une deuxième fois</translation>
    </message>
    <message>
        <source>Sale cancelled</source>
        <translation>Vente annulée</translation>
    </message>
    <message>
        <source>Nothing to pay. If the customer pays anyway, HPOS will still see it and mark the sale PAID LATE.</source>
        <translation>Rien à payer. Si le client paie quand même, HPOS le verra et marquera la vente PAYÉE EN RETARD.</translation>
    </message>
    <message>
        <source>Sale needs attention</source>
        <translation>Vente à surveiller</translation>
    </message>
    <message>
        <source>This sale is being looked after. It stays in the journal.</source>
        <translation>Cette vente est suivie. Elle reste dans le journal.</translation>
    </message>
    <message>
        <source>Sale {number} · {amount} · {product}</source>
        <translation>Vente {number} · {amount} · {product}</translation>
    </message>
    <message>
        <source>Details: {detail}</source>
        <translation>Détails&#xa0;: {detail}</translation>
    </message>
</context>
<context>
    <name>QrWidget</name>
    <message>
        <source>Payment QR code</source>
        <extracomment>White modules around the code (the standard asks for 4). Longest text we render (a checkout URL is far shorter). Modules of a version 4 code, the usual size of a checkout URL. Device pixels per module below which a phone struggles.</extracomment>
        <translation>Code QR de paiement</translation>
    </message>
    <message>
        <source>QR code of the payment link</source>
        <translation>Code QR du lien de paiement</translation>
    </message>
    <message>
        <source>No QR code</source>
        <translation>Aucun code QR</translation>
    </message>
</context>
<context>
    <name>QuickKeys</name>
    <message>
        <source>Quick keys</source>
        <extracomment>A tile is at least this tall (a finger, not a mouse pointer). Tiles on one page: columns × rows. Up to this many categories show as buttons (all in sight); more as scrolling tabs. The tile of an item with no colour in a category with no name. A tile was tapped: its Item.</extracomment>
        <translation>Touches rapides</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Page précédente</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Page suivante</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autres</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>Sans catégorie</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Page {page} sur {pages}</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>PAID LATE</source>
        <translation>PAYÉ EN RETARD</translation>
    </message>
    <message>
        <source>PAID</source>
        <translation>PAYÉ</translation>
    </message>
    <message>
        <source>Till {till}</source>
        <translation>Caisse {till}</translation>
    </message>
    <message>
        <source>Served by {name}</source>
        <translation>Servi par {name}</translation>
    </message>
    <message>
        <source>TEST</source>
        <translation>TEST</translation>
    </message>
    <message>
        <source>Test payment — no real money</source>
        <translation>Paiement de test&#xa0;— aucun argent réel</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Vente</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Transaction</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>Merci</translation>
    </message>
</context>
<context>
    <name>ReceiptActions</name>
    <message>
        <source>No receipt for sale {name}: it is {status}, not paid. A receipt is printed only for a paid sale.</source>
        <extracomment>A receipt was printed or saved: a sentence for the status bar. Something went wrong (also shown in a message box): the sentence shown. Where the file dialogs start (shared with the history&apos;s CSV export by the window). HPAY&apos;s company name (from the token): the shop name when the settings have none. Makes the printer (tests: a PDF-format QPrinter); None: the system&apos;s printers.</extracomment>
        <translation>Pas de reçu pour la vente {name}&#xa0;: elle est {status}, pas payée. Un reçu n’est imprimé que pour une vente payée.</translation>
    </message>
    <message>
        <source>No receipt for this sale: {reason}</source>
        <translation>Pas de reçu pour cette vente&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Nothing to print. Select a paid sale in History first.</source>
        <translation>Rien à imprimer. Choisissez d’abord une vente payée dans l’Historique.</translation>
    </message>
    <message>
        <source>Nothing to print: no sale has been finished since HPOS started. A receipt for an earlier paid sale is printed from History.</source>
        <translation>Rien à imprimer&#xa0;: aucune vente n’a été terminée depuis le démarrage de HPOS. Le reçu d’une vente payée plus ancienne s’imprime depuis l’Historique.</translation>
    </message>
    <message>
        <source>The printer “{name}” is not available. Choose a printer.</source>
        <translation>L’imprimante «&#xa0;{name}&#xa0;» n’est pas disponible. Choisissez une imprimante.</translation>
    </message>
    <message>
        <source>No printer is set up on this computer. Choose a printer.</source>
        <translation>Aucune imprimante n’est installée sur cet ordinateur. Choisissez une imprimante.</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>Imprimer le reçu</translation>
    </message>
    <message>
        <source>Receipt printed on {printer}.</source>
        <translation>Reçu imprimé sur {printer}.</translation>
    </message>
    <message>
        <source>The receipt was not printed on “{printer}”. Check the printer, or save the receipt as PDF.</source>
        <translation>Le reçu n’a pas été imprimé sur «&#xa0;{printer}&#xa0;». Vérifiez l’imprimante, ou enregistrez le reçu en PDF.</translation>
    </message>
    <message>
        <source>the default printer</source>
        <translation>l’imprimante par défaut</translation>
    </message>
    <message>
        <source>Save receipt as PDF</source>
        <translation>Enregistrer le reçu en PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The receipt could not be saved to {path}. Choose another folder.</source>
        <translation>Le reçu n’a pas pu être enregistré dans {path}. Choisissez un autre dossier.</translation>
    </message>
    <message>
        <source>Receipt saved: {path}</source>
        <translation>Reçu enregistré&#xa0;: {path}</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Reçu</translation>
    </message>
</context>
<context>
    <name>ReturnPagesWarning</name>
    <message>
        <source>Payment return pages are HPAY&apos;s examples: set your own in Settings</source>
        <extracomment>The warning was clicked: open Settings at the return pages.</extracomment>
        <translation>Les pages de retour du paiement sont les exemples de HPAY&#xa0;: indiquez les vôtres dans les Paramètres</translation>
    </message>
    <message>
        <source>In PROD, after paying, your customers&apos; phones open the success URL. Click to set your shop&apos;s own pages.</source>
        <translation>En PROD, après le paiement, le téléphone de vos clients ouvre l’URL de succès. Cliquez pour indiquer les pages de votre boutique.</translation>
    </message>
</context>
<context>
    <name>SaleController</name>
    <message>
        <source>HPOS is already open for this profile</source>
        <translation>HPOS est déjà ouvert pour ce profil</translation>
    </message>
    <message>
        <source>The profile&apos;s folder cannot be written; nothing was sent to HPAY</source>
        <translation>Impossible d’écrire dans le dossier du profil&#x202f;; rien n’a été envoyé à HPAY</translation>
    </message>
    <message>
        <source>Settings problem</source>
        <translation>Problème de paramètres</translation>
    </message>
    <message>
        <source>This amount or sale cannot be sent</source>
        <translation>Ce montant ou cette vente ne peut pas être envoyé</translation>
    </message>
    <message>
        <source>HPAY refused the keys</source>
        <translation>HPAY a refusé les clés</translation>
    </message>
    <message>
        <source>HPAY refused</source>
        <translation>Refus de HPAY</translation>
    </message>
    <message>
        <source>HPAY cannot be reached</source>
        <translation>HPAY est injoignable</translation>
    </message>
    <message>
        <source>HPAY answered something unexpected</source>
        <translation>Réponse inattendue de HPAY</translation>
    </message>
    <message>
        <source>Unsafe payment link refused</source>
        <translation>Lien de paiement non sûr refusé</translation>
    </message>
    <message>
        <source>Outcome unknown — do not charge again (the journal failed)</source>
        <translation>Issue inconnue&#xa0;— n’encaissez pas une deuxième fois (le journal a échoué)</translation>
    </message>
    <message>
        <source>HPAY did not answer in time</source>
        <translation>HPAY n’a pas répondu à temps</translation>
    </message>
    <message>
        <source>HPAY problem</source>
        <translation>Problème HPAY</translation>
    </message>
    <message>
        <source>HPAY answered with an error</source>
        <translation>HPAY a répondu par une erreur</translation>
    </message>
    <message>
        <source>HPAY answered with an error (HTTP {status})</source>
        <translation>HPAY a répondu par une erreur (HTTP {status})</translation>
    </message>
    <message>
        <source>{what}: {detail}</source>
        <translation>{what}&#xa0;: {detail}</translation>
    </message>
    <message>
        <source>The sales journal cannot be used; nothing was sent to HPAY: {detail}</source>
        <translation>Le journal des ventes est inutilisable&#x202f;; rien n’a été envoyé à HPAY&#xa0;: {detail}</translation>
    </message>
    <message>
        <source>Unexpected error ({kind}): {detail}</source>
        <translation>Erreur inattendue ({kind})&#xa0;: {detail}</translation>
    </message>
    <message>
        <source>Connection to HPAY lost ({detail}); retrying.</source>
        <translation>Connexion à HPAY perdue ({detail})&#x202f;; nouvelle tentative.</translation>
    </message>
    <message>
        <source>Connection to HPAY restored.</source>
        <translation>Connexion à HPAY rétablie.</translation>
    </message>
    <message>
        <source>Still no connection to HPAY; retrying.</source>
        <translation>Toujours pas de connexion à HPAY&#x202f;; nouvelle tentative.</translation>
    </message>
    <message>
        <source>Not paid yet.</source>
        <translation>Pas encore payé.</translation>
    </message>
    <message>
        <source>HPAY does not list this payment yet.</source>
        <translation>HPAY ne liste pas encore ce paiement.</translation>
    </message>
    <message>
        <source>No payment for this sale in HPAY&apos;s history yet.</source>
        <translation>Pas encore de paiement pour cette vente dans l’historique HPAY.</translation>
    </message>
    <message>
        <source>Last known, not refreshed: {reason}</source>
        <translation>Dernier état connu, non actualisé&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>This sale can no longer be cancelled (it changed meanwhile).</source>
        <translation>Cette vente ne peut plus être annulée (elle a changé entre-temps).</translation>
    </message>
    <message>
        <source>This sale is not in the journal.</source>
        <translation>Cette vente n’est pas dans le journal.</translation>
    </message>
    <message>
        <source>The catalogue&apos;s prices are in {kept}; this account charges in {currency}. The quick keys and the scanner are off.</source>
        <extracomment>The token (currency, company, mode) once the service is open and recovered. Start-up failed (profile locked, journal unreadable, HPAY unreachable...). A sale&apos;s new state: every &quot;state&quot; event and every result of charge/cancel/check. Every SaleEvent (&quot;state&quot;, &quot;checked&quot;, &quot;connection_lost&quot;, &quot;connection_restored&quot;, &quot;stopped&quot;). The sale a :meth:`charge` ended with (AWAITING, FAILED or UNKNOWN); sale_changed follows. A charge that could not even start (nothing sent): invalid amount, no token, journal... The request left but the journal could not record its answer (``AnswerNotRecorded``): (the sale as the journal last held it, REQUESTING or UNKNOWN; the journal&apos;s problem, naming its file). Outcome unknown: never charge again; the watcher (or the next start) finds the payment. The result of :meth:`check_now`: (the sale, &quot;&quot; when HPAY was asked, else a &quot;Last known, not refreshed: &lt;reason&gt;&quot; sentence: the sale is only its last known state). A cancel that did not happen (e.g. the sale was paid meanwhile): (sale id, message). Starting, charging or cancelling is in flight (the cashier&apos;s inputs lock). The sales recovery resumed at start-up (list of Sale). The catalogue&apos;s items not archived, read on a worker once ready and again on :meth:`reload_catalogue` (a ``CatalogueIndex``: plain, immutable data; empty when the shop has no items, or when its prices are in another currency). Why the catalogue could not be used (journal unreadable, prices in another currency). Internal: emitted on a worker thread by the listener, delivered queued here.</extracomment>
        <translation>Les prix du catalogue sont en {kept} ; ce compte encaisse en {currency}. Les touches rapides et le lecteur de codes-barres sont désactivés.</translation>
    </message>
</context>
<context>
    <name>SaleLinesTable</name>
    <message>
        <source>Item</source>
        <extracomment>Rows shown without scrolling.</extracomment>
        <translation>Article</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qté</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Prix unitaire</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Items sold</source>
        <translation>Articles vendus</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Saving…</source>
        <extracomment>The settings just saved (a :class:`~hpos.profile.profile.Settings`). The fields were filled from the profile (the dialog is ready for input). Test connection finished: (success, the text shown).</extracomment>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>The settings could not be read: {reason}</source>
        <translation>Les paramètres n’ont pas pu être lus&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{problem} The secret is kept for this session only.</source>
        <translation>{problem} La clé secrète est gardée pour cette session seulement.</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Non enregistré&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Switch to PROD?</source>
        <translation>Passer en PROD&#x202f;?</translation>
    </message>
    <message>
        <source>Secret key</source>
        <translation>Clé secrète</translation>
    </message>
    <message>
        <source>HPOS settings</source>
        <translation>Paramètres HPOS</translation>
    </message>
    <message>
        <source>Save the settings</source>
        <translation>Enregistrer les paramètres</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Gérant</translation>
    </message>
    <message>
        <source>Loading settings…</source>
        <translation>Chargement des paramètres…</translation>
    </message>
</context>
<context>
    <name>SettingsFields</name>
    <message>
        <source>Enter the API base URL first: the secret is stored for one host.</source>
        <translation>Saisissez d’abord l’URL de base de l’API&#xa0;: la clé secrète est enregistrée pour un seul hôte.</translation>
    </message>
    <message>
        <source>Switch to PROD mode?

In PROD, payments are real: customers&apos; cards are charged and real money moves.</source>
        <translation>Passer en mode PROD&#x202f;?

En PROD, les paiements sont réels&#xa0;: les cartes des clients sont débitées et de l’argent réel circule.</translation>
    </message>
    <message>
        <source>notify URL</source>
        <extracomment>What the URL messages call each URL field.</extracomment>
        <translation>URL de notification</translation>
    </message>
    <message>
        <source>success URL</source>
        <translation>URL de succès</translation>
    </message>
    <message>
        <source>cancel URL</source>
        <translation>URL d’annulation</translation>
    </message>
    <message>
        <source>The API key</source>
        <extracomment>What the key messages call each key field.</extracomment>
        <translation>La clé API</translation>
    </message>
    <message>
        <source>The public key</source>
        <translation>La clé publique</translation>
    </message>
    <message>
        <source>The secret key</source>
        <translation>La clé secrète</translation>
    </message>
    <message>
        <source>the API base URL</source>
        <extracomment>What &quot;Test connection&quot; says is missing.</extracomment>
        <translation>l’URL de base de l’API</translation>
    </message>
    <message>
        <source>the API key</source>
        <translation>la clé API</translation>
    </message>
    <message>
        <source>the public key</source>
        <translation>la clé publique</translation>
    </message>
    <message>
        <source>the secret key</source>
        <translation>la clé secrète</translation>
    </message>
    <message>
        <source>Enter the {name} (https://...).</source>
        <extracomment>Extra attempts of the Test connection call (a test should answer quickly).</extracomment>
        <translation>Saisissez l’{name} (https://...).</translation>
    </message>
    <message>
        <source>The {name} is not a valid URL.</source>
        <translation>L’{name} n’est pas une URL valide.</translation>
    </message>
    <message>
        <source>The {name} must not contain spaces.</source>
        <translation>L’{name} ne doit pas contenir d’espaces.</translation>
    </message>
    <message>
        <source>The {name} must start with https:// or http://.</source>
        <translation>L’{name} doit commencer par https:// ou http://.</translation>
    </message>
    <message>
        <source>The {name} has no host name.</source>
        <translation>L’{name} n’a pas de nom d’hôte.</translation>
    </message>
    <message>
        <source>The {name} must not contain a user name or password.</source>
        <translation>L’{name} ne doit contenir ni nom d’utilisateur ni mot de passe.</translation>
    </message>
    <message>
        <source>{name} must not contain spaces.</source>
        <translation>{name} ne doit pas contenir d’espaces.</translation>
    </message>
    <message>
        <source>At most {count} characters.</source>
        <translation>{count} caractères au plus.</translation>
    </message>
    <message>
        <source>1 to 32 letters, digits, - or _ (e.g. TILL1).</source>
        <translation>1 à 32 lettres, chiffres, - ou _ (ex. CAISSE1).</translation>
    </message>
    <message>
        <source>Enter a product name (e.g. Sale).</source>
        <translation>Saisissez un nom de produit (ex. Vente).</translation>
    </message>
    <message>
        <source>{first} and {last}</source>
        <translation>{first} et {last}</translation>
    </message>
    <message>
        <source>Enter {names} to test the connection.</source>
        <translation>Saisissez {names} pour tester la connexion.</translation>
    </message>
    <message>
        <source>The {name} is still HPAY&apos;s example address.</source>
        <translation>Encore l’adresse d’exemple de HPAY&#xa0;: {name}.</translation>
    </message>
    <message>
        <source>The {names} are still HPAY&apos;s example addresses.</source>
        <translation>Encore les adresses d’exemple de HPAY&#xa0;: {names}.</translation>
    </message>
    <message>
        <source>In PROD, put your shop&apos;s own pages there: after paying, the customer&apos;s phone opens the success URL. HPOS itself does not need them.</source>
        <translation>En PROD, mettez-y les pages de votre boutique&#xa0;: après le paiement, le téléphone du client ouvre l’URL de succès. HPOS lui-même n’en a pas besoin.</translation>
    </message>
    <message>
        <source>Set in the environment, these override the saved settings: {names}.</source>
        <translation>Définies dans l’environnement, ces variables remplacent les réglages enregistrés&#xa0;: {names}.</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <source>API base URL</source>
        <translation>URL de base de l’API</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clé API</translation>
    </message>
    <message>
        <source>Public key</source>
        <translation>Clé publique</translation>
    </message>
    <message>
        <source>Secret key</source>
        <translation>Clé secrète</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>Nom de la boutique</translation>
    </message>
    <message>
        <source>Till name</source>
        <translation>Nom de la caisse</translation>
    </message>
    <message>
        <source>Default product</source>
        <translation>Produit par défaut</translation>
    </message>
    <message>
        <source>Payment expiry</source>
        <translation>Expiration du paiement</translation>
    </message>
    <message>
        <source>Auto-return after</source>
        <translation>Retour automatique après</translation>
    </message>
    <message>
        <source>Notify URL</source>
        <translation>URL de notification</translation>
    </message>
    <message>
        <source>Success URL</source>
        <translation>URL de succès</translation>
    </message>
    <message>
        <source>Cancel URL</source>
        <translation>URL d’annulation</translation>
    </message>
    <message>
        <source>Checkout hosts</source>
        <translation>Hôtes de paiement</translation>
    </message>
    <message>
        <source>{field}: error</source>
        <translation>{field}&#xa0;: erreur</translation>
    </message>
    <message>
        <source>Default product name</source>
        <translation>Nom du produit par défaut</translation>
    </message>
    <message>
        <source>Allowed checkout hosts</source>
        <translation>Hôtes de paiement autorisés</translation>
    </message>
    <message>
        <source>e.g. Chez Awa</source>
        <translation>ex. Chez Awa</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Vente</translation>
    </message>
    <message>
        <source>Show or hide the secret key</source>
        <translation>Afficher ou masquer la clé secrète</translation>
    </message>
    <message>
        <source>TEST — test payments, no real money</source>
        <translation>TEST&#xa0;— paiements de test, aucun argent réel</translation>
    </message>
    <message>
        <source>PROD — real payments</source>
        <translation>PROD&#xa0;— paiements réels</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Payment expiry in minutes</source>
        <translation>Expiration du paiement en minutes</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>Auto-return delay in seconds, 0 for never</source>
        <translation>Délai de retour automatique en secondes, 0 pour jamais</translation>
    </message>
    <message>
        <source>Comma-separated. A QR code is shown only for checkout links on these hosts (or on the API host).</source>
        <translation>Séparés par des virgules. Un code QR n’est affiché que pour les liens de paiement sur ces hôtes (ou sur l’hôte de l’API).</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Boutique</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avancé</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Hide the secret key</source>
        <translation>Masquer la clé secrète</translation>
    </message>
    <message>
        <source>Show the secret key</source>
        <translation>Afficher la clé secrète</translation>
    </message>
    <message>
        <source>Hide the API and public keys</source>
        <translation>Masquer la clé API et la clé publique</translation>
    </message>
    <message>
        <source>Show the API and public keys</source>
        <translation>Afficher la clé API et la clé publique</translation>
    </message>
</context>
<context>
    <name>SettingsIo</name>
    <message>
        <source>{problem} Saving replaces it.</source>
        <translation>{problem} L’enregistrement le remplacera.</translation>
    </message>
    <message>
        <source>Unexpected error ({name}).</source>
        <translation>Erreur inattendue ({name}).</translation>
    </message>
    <message>
        <source>Connected to {company}.</source>
        <translation>Connecté à {company}.</translation>
    </message>
    <message>
        <source>Mode: {mode} · Currency: {currency}</source>
        <translation>Mode&#xa0;: {mode} · Devise&#xa0;: {currency}</translation>
    </message>
    <message>
        <source>main {amount}</source>
        <translation>principal {amount}</translation>
    </message>
    <message>
        <source>profit {amount}</source>
        <translation>bénéfices {amount}</translation>
    </message>
    <message>
        <source>Balance: {balances}</source>
        <translation>Solde&#xa0;: {balances}</translation>
    </message>
    <message>
        <source>HPAY answered in {answered} mode, not {asked}.</source>
        <translation>HPAY a répondu en mode {answered}, pas {asked}.</translation>
    </message>
</context>
<context>
    <name>SettingsSecret</name>
    <message>
        <source>No system keyring: the secret is kept for this session only.</source>
        <translation>Pas de trousseau système&#xa0;: la clé secrète est gardée pour cette session seulement.</translation>
    </message>
    <message>
        <source>Kept for this session only (not stored anywhere).</source>
        <translation>Gardée pour cette session seulement (enregistrée nulle part).</translation>
    </message>
    <message>
        <source>{name} is set in the environment and takes precedence.</source>
        <translation>{name} est définie dans l’environnement et a la priorité.</translation>
    </message>
    <message>
        <source>Saved in the system keyring for {host} when you press OK.</source>
        <extracomment>Sources whose secret the dialog manages (and may replace or delete).</extracomment>
        <translation>Sera enregistrée dans le trousseau système pour {host} quand vous appuierez sur OK.</translation>
    </message>
    <message>
        <source>A key is saved — type a new one to replace it</source>
        <extracomment>The secret found when the dialog opened (never shown).</extracomment>
        <translation>Une clé est enregistrée — tapez-en une nouvelle pour la remplacer</translation>
    </message>
    <message>
        <source>The secret key is stored for one API host: enter the secret key for {host}.</source>
        <translation>La clé secrète est enregistrée pour un seul hôte d’API&#xa0;: saisissez la clé secrète de {host}.</translation>
    </message>
    <message>
        <source>Stored in the system keyring for {host}.</source>
        <translation>Enregistrée dans le trousseau système pour {host}.</translation>
    </message>
    <message>
        <source>No secret key stored for {host}: enter it.</source>
        <translation>Aucune clé secrète enregistrée pour {host}&#xa0;: saisissez-la.</translation>
    </message>
    <message>
        <source>Enter the API base URL, then the secret key.</source>
        <translation>Saisissez l’URL de base de l’API, puis la clé secrète.</translation>
    </message>
</context>
<context>
    <name>SettingsTabs</name>
    <message>
        <source>HPAY and shop</source>
        <translation>HPAY et boutique</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Comptoir</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Pages des paramètres</translation>
    </message>
    <message>
        <source>HPAY and shop settings</source>
        <translation>Paramètres HPAY et boutique</translation>
    </message>
    <message>
        <source>Counter settings</source>
        <translation>Paramètres du comptoir</translation>
    </message>
</context>
<context>
    <name>ShiftDialog</name>
    <message>
        <source>Start of shift</source>
        <extracomment>The window&apos;s ``Runner.submit`` (remembering the cashier writes the profile&apos;s file). A cashier was picked (their name).</extracomment>
        <translation>Début de service</translation>
    </message>
    <message>
        <source>Who is at the till?</source>
        <translation>Qui est à la caisse ?</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Pas maintenant</translation>
    </message>
    <message>
        <source>Sales made meanwhile record no cashier</source>
        <translation>Les ventes faites entre-temps n’enregistrent aucun caissier</translation>
    </message>
</context>
<context>
    <name>ShiftPicker</name>
    <message>
        <source>End shift (nobody)</source>
        <extracomment>The cashier on duty changed: their name, or None for nobody.</extracomment>
        <translation>Fin de service (personne)</translation>
    </message>
    <message>
        <source>Who is serving: each sale and its receipt say it. Click to change.</source>
        <translation>Qui sert : chaque vente et son reçu l’indiquent. Cliquez pour changer.</translation>
    </message>
    <message>
        <source>Cashier: {name}</source>
        <translation>En caisse : {name}</translation>
    </message>
    <message>
        <source>Cashier: nobody — pick</source>
        <translation>En caisse : personne — choisir</translation>
    </message>
</context>
<context>
    <name>ShortcutsOverlay</name>
    <message>
        <source>0–9  ,  .</source>
        <translation>0–9  ,  .</translation>
    </message>
    <message>
        <source>Type the amount</source>
        <translation>Saisir le montant</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>Effacer le dernier chiffre</translation>
    </message>
    <message>
        <source>Charge · new sale after PAID · open a payment in the history</source>
        <translation>Encaisser · nouvelle vente après PAYÉ · ouvrir un paiement dans l’historique</translation>
    </message>
    <message>
        <source>Clear the amount · cancel the sale (asks first) · back</source>
        <translation>Effacer le montant · annuler la vente (après confirmation) · retour</translation>
    </message>
    <message>
        <source>Show or hide this list</source>
        <extracomment>F1&apos;s sentence for each window action with a shortcut, by the action&apos;s object name, in the order shown (Quit comes last, after Tab and the history&apos;s search). The keys are read from the actions themselves; an action not named here shows its menu text.</extracomment>
        <translation>Afficher ou masquer cette liste</translation>
    </message>
    <message>
        <source>History / back to the cashier</source>
        <translation>Historique / retour à la caisse</translation>
    </message>
    <message>
        <source>Show the QR code of the sale waiting for payment</source>
        <translation>Réafficher le code QR de la vente en attente de paiement</translation>
    </message>
    <message>
        <source>Refresh the history, or check the sale on screen; the balance</source>
        <translation>Actualiser l’historique, ou vérifier la vente à l’écran&#x202f;; le solde</translation>
    </message>
    <message>
        <source>Print the receipt of the sale shown, or of the last sale</source>
        <translation>Imprimer le reçu de la vente affichée, ou de la dernière vente</translation>
    </message>
    <message>
        <source>Show or close the customer display</source>
        <translation>Afficher ou fermer l’écran client</translation>
    </message>
    <message>
        <source>Lock manager mode</source>
        <translation>Verrouiller le mode gérant</translation>
    </message>
    <message>
        <source>Find an item by name or code · + − the selected cart line</source>
        <translation>Trouver un article par nom ou code · + − la ligne choisie du panier</translation>
    </message>
    <message>
        <source>{f1}, {esc} or a click closes this list.</source>
        <translation>{f1}, {esc} ou un clic ferme cette liste.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Next / previous field</source>
        <translation>Champ suivant / précédent</translation>
    </message>
    <message>
        <source>Search the history</source>
        <translation>Rechercher dans l’historique</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <extracomment>The overlay closed (by F1, Esc or a click).</extracomment>
        <translation>Raccourcis clavier</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>Welcome to HPOS</source>
        <extracomment>The two buttons&apos; texts in English (the source language; shown translated). The user wants to try HPOS against the built-in sandbox. The user wants to enter the keys of their HPAY account.</extracomment>
        <translation>Bienvenue dans HPOS</translation>
    </message>
    <message>
        <source>Type an amount, show the customer a QR code, and HPOS tells you when the card payment has gone through HPAY — card details never touch this till.</source>
        <translation>Saisissez un montant, montrez un code QR au client, et HPOS vous dit quand le paiement par carte est passé par HPAY&#xa0;— les données de carte ne touchent jamais cette caisse.</translation>
    </message>
    <message>
        <source>A built-in test server plays the bank and the customer. No account needed.</source>
        <translation>Un serveur de test intégré joue la banque et le client. Aucun compte nécessaire.</translation>
    </message>
    <message>
        <source>Use your HPAY account: API URL, API key, public key and secret key.</source>
        <translation>Utilisez votre compte HPAY&#xa0;: URL de l’API, clé API, clé publique et clé secrète.</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Essayer la démo</translation>
    </message>
    <message>
        <source>Enter my HPAY keys</source>
        <translation>Saisir mes clés HPAY</translation>
    </message>
</context>
<context>
    <name>WindowKeys</name>
    <message>
        <source>Cashier and history</source>
        <translation>Caisse et historique</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>Show the last &amp;QR code</source>
        <translation>Réafficher le dernier code &amp;QR</translation>
    </message>
</context>
</TS>
