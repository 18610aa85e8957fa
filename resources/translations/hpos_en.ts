<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>HPOS version</source>
        <extracomment>The facts shown, in order: key and English label (translated in the dialog).</extracomment>
        <translation>HPOS version</translation>
    </message>
    <message>
        <source>Qt version</source>
        <translation>Qt version</translation>
    </message>
    <message>
        <source>PySide6 version</source>
        <translation>PySide6 version</translation>
    </message>
    <message>
        <source>Python version</source>
        <translation>Python version</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Profile folder</source>
        <translation>Profile folder</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Log file</translation>
    </message>
    <message>
        <source>About HPOS</source>
        <extracomment>The file packaging/notices.py writes into the built app, next to the shipped resources.</extracomment>
        <translation>About HPOS</translation>
    </message>
    <message>
        <source>HPOS {version}</source>
        <translation>HPOS {version}</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>Copy these details to the clipboard</source>
        <translation>Copy these details to the clipboard</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Open &amp;log folder</translation>
    </message>
    <message>
        <source>Third-party &amp;notices</source>
        <translation>Third-party &amp;notices</translation>
    </message>
    <message>
        <source>The licences of the software HPOS is built with (Qt, PySide6, Python...)</source>
        <translation>The licences of the software HPOS is built with (Qt, PySide6, Python...)</translation>
    </message>
    <message>
        <source>Written when HPOS is built: this copy runs from its source code.</source>
        <translation>Written when HPOS is built: this copy runs from its source code.</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>Copied to the clipboard.</translation>
    </message>
    <message>
        <source>The third-party notices could not be opened. They are here: {path}</source>
        <translation>The third-party notices could not be opened. They are here: {path}</translation>
    </message>
    <message>
        <source>Third-party notices</source>
        <translation>Third-party notices</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>Log folder</translation>
    </message>
    <message>
        <source>The log folder could not be opened. It is here: {path}</source>
        <translation>The log folder could not be opened. It is here: {path}</translation>
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
        <translation>Not from HPOS</translation>
    </message>
    <message>
        <source>(no sale number)</source>
        <translation>(no sale number)</translation>
    </message>
    <message>
        <source>Till journal {journal}</source>
        <translation>Till journal {journal}</translation>
    </message>
    <message>
        <source>Payments with no HPOS sale reference (taken elsewhere):</source>
        <translation>Payments with no HPOS sale reference (taken elsewhere):</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… and {count} more</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Till</translation>
    </message>
    <message>
        <source>Sales paid</source>
        <translation>Sales paid</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>Unpaid</source>
        <translation>Unpaid</translation>
    </message>
</context>
<context>
    <name>AllTillsView</name>
    <message>
        <source>Reading HPAY&apos;s history of {day}…</source>
        <extracomment>A reading ended: the report (an :class:`~hpos.sales.all_tills.AllTillsReport`). A reading failed: the sentence shown.</extracomment>
        <translation>Reading HPAY&apos;s history of {day}…</translation>
    </message>
    <message>
        <source>All tills</source>
        <translation>All tills</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Day:</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Read this day from HPAY&apos;s history again</source>
        <translation>Read this day from HPAY&apos;s history again</translation>
    </message>
    <message>
        <source>Reading HPAY&apos;s history of {day}… {count} payments so far</source>
        <translation>Reading HPAY&apos;s history of {day}… {count} payments so far</translation>
    </message>
    <message>
        <source>HPAY&apos;s history of {day} could not be read: {reason}</source>
        <translation>HPAY&apos;s history of {day} could not be read: {reason}</translation>
    </message>
    <message>
        <source>No payments in HPAY&apos;s history on this day.</source>
        <translation>No payments in HPAY&apos;s history on this day.</translation>
    </message>
    <message>
        <source>Not from HPOS: {count} payment(s) with no HPOS sale reference, taken elsewhere (HPAY&apos;s dashboard, another system).</source>
        <translation>Not from HPOS: {count} payment(s) with no HPOS sale reference, taken elsewhere (HPAY&apos;s dashboard, another system).</translation>
    </message>
    <message>
        <source>{count} payment(s) of the other mode left out.</source>
        <translation>{count} payment(s) of the other mode left out.</translation>
    </message>
    <message>
        <source>{mode} · {count} payments read from HPAY&apos;s history at {time}</source>
        <translation>{mode} · {count} payments read from HPAY&apos;s history at {time}</translation>
    </message>
</context>
<context>
    <name>AmountRefusal</name>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>The amount must be greater than zero.</translation>
    </message>
    <message>
        <source>That is not an amount: type digits such as {example}.</source>
        <translation>That is not an amount: type digits such as {example}.</translation>
    </message>
    <message>
        <source>An amount has one decimal separator at most (and no thousands separators).</source>
        <translation>An amount has one decimal separator at most (and no thousands separators).</translation>
    </message>
    <message>
        <source>{currency} has no decimals: type whole francs.</source>
        <translation>{currency} has no decimals: type whole francs.</translation>
    </message>
    <message>
        <source>{currency} has no decimals: type a whole amount.</source>
        <translation>{currency} has no decimals: type a whole amount.</translation>
    </message>
    <message>
        <source>{currency} has {places} decimals: type at most {places} digits after the separator.</source>
        <translation>{currency} has {places} decimals: type at most {places} digits after the separator.</translation>
    </message>
    <message>
        <source>This amount is too large: the maximum is {maximum}.</source>
        <translation>This amount is too large: the maximum is {maximum}.</translation>
    </message>
    <message>
        <source>Press ⌫ to type on.</source>
        <translation>Press ⌫ to type on.</translation>
    </message>
</context>
<context>
    <name>BrokenSettings</name>
    <message>
        <source>It is not text (binary data).</source>
        <extracomment>The window&apos;s exit code when the user quits over unusable settings (as the CLI&apos;s).</extracomment>
        <translation>It is not text (binary data).</translation>
    </message>
    <message>
        <source>It is empty.</source>
        <translation>It is empty.</translation>
    </message>
    <message>
        <source>It is not valid JSON at line {line}.</source>
        <translation>It is not valid JSON at line {line}.</translation>
    </message>
    <message>
        <source>It is not valid JSON.</source>
        <translation>It is not valid JSON.</translation>
    </message>
    <message>
        <source>It is not a settings object.</source>
        <translation>It is not a settings object.</translation>
    </message>
    <message>
        <source>The setting “{key}” has a value of the wrong type or out of range.</source>
        <translation>The setting “{key}” has a value of the wrong type or out of range.</translation>
    </message>
    <message>
        <source>It cannot be read.</source>
        <translation>It cannot be read.</translation>
    </message>
    <message>
        <source>HPOS: settings cannot be read</source>
        <translation>HPOS: settings cannot be read</translation>
    </message>
    <message>
        <source>HPOS cannot use its settings file {file}.</source>
        <translation>HPOS cannot use its settings file {file}.</translation>
    </message>
    <message>
        <source>File: {path}

Start with default settings: the broken file is kept as {backup} in the same folder, and the secret key stays in the system keyring. You will need to enter the shop&apos;s settings again.

Quit: nothing is changed.</source>
        <translation>File: {path}

Start with default settings: the broken file is kept as {backup} in the same folder, and the secret key stays in the system keyring. You will need to enter the shop&apos;s settings again.

Quit: nothing is changed.</translation>
    </message>
    <message>
        <source>Start with default settings</source>
        <translation>Start with default settings</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>HPOS could not keep the broken settings file aside: {reason}</source>
        <translation>HPOS could not keep the broken settings file aside: {reason}</translation>
    </message>
</context>
<context>
    <name>CartLinesView</name>
    <message>
        <source>+ {count} more</source>
        <extracomment>Lines shown; the rest are counted (&quot;+ 3 more&quot;). Longest name shown whole.</extracomment>
        <translation>+ {count} more</translation>
    </message>
</context>
<context>
    <name>CartView</name>
    <message>
        <source>{price} each</source>
        <extracomment>Smallest side of a line&apos;s buttons (a finger). The row was tapped (to select it). (line index, +1 or -1): one more or one less of a line. The line at this index is to go. The &quot;Empty the cart&quot; button. A line was tapped: it becomes the selected one.</extracomment>
        <translation>{price} each</translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>1 item</translation>
    </message>
    <message>
        <source>{count} items</source>
        <translation>{count} items</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>Cart</translation>
    </message>
    <message>
        <source>Empty the cart</source>
        <translation>Empty the cart</translation>
    </message>
    <message>
        <source>Tap an item, scan its barcode or press {key} to find it.</source>
        <translation>Tap an item, scan its barcode or press {key} to find it.</translation>
    </message>
    <message>
        <source>One less</source>
        <translation>One less</translation>
    </message>
    <message>
        <source>One more</source>
        <translation>One more</translation>
    </message>
    <message>
        <source>Remove the line</source>
        <translation>Remove the line</translation>
    </message>
</context>
<context>
    <name>CashierScreen</name>
    <message>
        <source>Not connected to HPAY yet.</source>
        <extracomment>A confirmation dialog: (parent, title, question) -&gt; True to go ahead. The page shown changed: one of :data:`PAGES`. The PAID page&apos;s &quot;Print receipt&quot; button was pressed.</extracomment>
        <translation>Not connected to HPAY yet.</translation>
    </message>
    <message>
        <source>Type an amount first.</source>
        <extracomment>Currencies whose unit is a franc (&quot;type whole francs&quot;).</extracomment>
        <translation>Type an amount first.</translation>
    </message>
    <message>
        <source>Cancel sale {number} of {amount}?

The QR code will be taken off the screen. If the customer pays anyway, HPOS will still see it and mark the sale PAID LATE.</source>
        <translation>Cancel sale {number} of {amount}?

The QR code will be taken off the screen. If the customer pays anyway, HPOS will still see it and mark the sale PAID LATE.</translation>
    </message>
    <message>
        <source>Cancel this sale?</source>
        <translation>Cancel this sale?</translation>
    </message>
    <message>
        <source>Not connected to HPAY: {reason}</source>
        <translation>Not connected to HPAY: {reason}</translation>
    </message>
    <message>
        <source>Connecting to HPAY…</source>
        <translation>Connecting to HPAY…</translation>
    </message>
    <message>
        <source>TEST MODE · Ready · amounts in {currency}</source>
        <translation>TEST MODE · Ready · amounts in {currency}</translation>
    </message>
    <message>
        <source>Ready · amounts in {currency}</source>
        <translation>Ready · amounts in {currency}</translation>
    </message>
    <message>
        <source>Checked with HPAY.</source>
        <translation>Checked with HPAY.</translation>
    </message>
    <message>
        <source>Sale {number} · {product}</source>
        <translation>Sale {number} · {product}</translation>
    </message>
    <message>
        <source>Sale {number} was paid late: {amount}.</source>
        <translation>Sale {number} was paid late: {amount}.</translation>
    </message>
    <message>
        <source>Sale {number} was paid: {amount}.</source>
        <translation>Sale {number} was paid: {amount}.</translation>
    </message>
    <message>
        <source>Sale {number} needs a manager: its payment must be checked.</source>
        <translation>Sale {number} needs a manager: its payment must be checked.</translation>
    </message>
    <message>
        <source>Connection to HPAY lost: retrying. The customer can still pay; HPOS will see the payment when the connection is back.</source>
        <translation>Connection to HPAY lost: retrying. The customer can still pay; HPOS will see the payment when the connection is back.</translation>
    </message>
    <message>
        <source>Asking HPAY…</source>
        <translation>Asking HPAY…</translation>
    </message>
    <message>
        <source>1 sale from last time is still waiting for payment — F3 shows it.</source>
        <extracomment>States the status speaks of (the watcher&apos;s), in the order it says them.</extracomment>
        <translation>1 sale from last time is still waiting for payment — F3 shows it.</translation>
    </message>
    <message>
        <source>{count} sales from last time are still waiting for payment — F3 shows the newest.</source>
        <translation>{count} sales from last time are still waiting for payment — F3 shows the newest.</translation>
    </message>
    <message>
        <source>1 earlier sale is still waiting for payment — F3 shows it.</source>
        <translation>1 earlier sale is still waiting for payment — F3 shows it.</translation>
    </message>
    <message>
        <source>{count} earlier sales are still waiting for payment — F3 shows the newest.</source>
        <translation>{count} earlier sales are still waiting for payment — F3 shows the newest.</translation>
    </message>
    <message>
        <source>Checking with HPAY whether 1 sale from last time was paid.</source>
        <translation>Checking with HPAY whether 1 sale from last time was paid.</translation>
    </message>
    <message>
        <source>Checking with HPAY whether {count} sales from last time were paid.</source>
        <translation>Checking with HPAY whether {count} sales from last time were paid.</translation>
    </message>
    <message>
        <source>Checking with HPAY whether 1 earlier sale was paid.</source>
        <translation>Checking with HPAY whether 1 earlier sale was paid.</translation>
    </message>
    <message>
        <source>Checking with HPAY whether {count} earlier sales were paid.</source>
        <translation>Checking with HPAY whether {count} earlier sales were paid.</translation>
    </message>
    <message>
        <source>Watching 1 cancelled sale from last time for a late payment.</source>
        <translation>Watching 1 cancelled sale from last time for a late payment.</translation>
    </message>
    <message>
        <source>Watching {count} cancelled sales from last time for a late payment.</source>
        <translation>Watching {count} cancelled sales from last time for a late payment.</translation>
    </message>
    <message>
        <source>Watching 1 cancelled sale for a late payment.</source>
        <translation>Watching 1 cancelled sale for a late payment.</translation>
    </message>
    <message>
        <source>Watching {count} cancelled sales for a late payment.</source>
        <translation>Watching {count} cancelled sales for a late payment.</translation>
    </message>
    <message>
        <source>Watching 1 expired sale from last time for a late payment.</source>
        <translation>Watching 1 expired sale from last time for a late payment.</translation>
    </message>
    <message>
        <source>Watching {count} expired sales from last time for a late payment.</source>
        <translation>Watching {count} expired sales from last time for a late payment.</translation>
    </message>
    <message>
        <source>Watching 1 expired sale for a late payment.</source>
        <translation>Watching 1 expired sale for a late payment.</translation>
    </message>
    <message>
        <source>Watching {count} expired sales for a late payment.</source>
        <translation>Watching {count} expired sales for a late payment.</translation>
    </message>
    <message>
        <source>Sale {number} was never sent to HPAY: nothing was charged.</source>
        <translation>Sale {number} was never sent to HPAY: nothing was charged.</translation>
    </message>
    <message>
        <source>Sale {number} from last time is still waiting for payment: its QR code is back on screen.</source>
        <translation>Sale {number} from last time is still waiting for payment: its QR code is back on screen.</translation>
    </message>
    <message>
        <source>Sale {number} is still waiting for payment: its QR code is back on screen.</source>
        <translation>Sale {number} is still waiting for payment: its QR code is back on screen.</translation>
    </message>
    <message>
        <source>The cart is full: at most {count} lines.</source>
        <translation>The cart is full: at most {count} lines.</translation>
    </message>
    <message>
        <source>At most {count} of one item on a line.</source>
        <translation>At most {count} of one item on a line.</translation>
    </message>
    <message>
        <source>The cart&apos;s total would be above the most HPAY takes.</source>
        <translation>The cart&apos;s total would be above the most HPAY takes.</translation>
    </message>
    <message>
        <source>+ 1 more</source>
        <translation>+ 1 more</translation>
    </message>
    <message>
        <source>Added {name}</source>
        <translation>Added {name}</translation>
    </message>
    <message>
        <source>Misc.</source>
        <translation>Misc.</translation>
    </message>
    <message>
        <source>Take every line out of the cart?</source>
        <translation>Take every line out of the cart?</translation>
    </message>
    <message>
        <source>Empty the cart?</source>
        <translation>Empty the cart?</translation>
    </message>
    <message>
        <source>No item has the code {code}.</source>
        <translation>No item has the code {code}.</translation>
    </message>
    <message>
        <source>+ {count} more</source>
        <translation>+ {count} more</translation>
    </message>
</context>
<context>
    <name>CashiersBox</name>
    <message>
        <source>Cashiers</source>
        <translation>Cashiers</translation>
    </message>
    <message>
        <source>Optional. The cashier on duty is picked at the top right of the window; each sale, its receipt and the day report say who served. No passwords.</source>
        <translation>Optional. The cashier on duty is picked at the top right of the window; each sale, its receipt and the day report say who served. No passwords.</translation>
    </message>
    <message>
        <source>Cashier names</source>
        <translation>Cashier names</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Cashier name</source>
        <translation>Cashier name</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Add this cashier</source>
        <translation>Add this cashier</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Rename the selected cashier</source>
        <translation>Rename the selected cashier</translation>
    </message>
    <message>
        <source>Give the selected cashier the name typed below</source>
        <translation>Give the selected cashier the name typed below</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Remove the selected cashier</source>
        <translation>Remove the selected cashier</translation>
    </message>
    <message>
        <source>Type a name first.</source>
        <translation>Type a name first.</translation>
    </message>
    <message>
        <source>{name} is already in the list.</source>
        <translation>{name} is already in the list.</translation>
    </message>
    <message>
        <source>The list holds at most {count} names.</source>
        <translation>The list holds at most {count} names.</translation>
    </message>
</context>
<context>
    <name>CatalogueFiles</name>
    <message>
        <source>Connect to HPAY first: prices are in the account’s currency, known once HPOS has reached HPAY.</source>
        <extracomment>An import was written: the :class:`~hpos.ui.catalogue.jobs.Done` (catalogue after it). Something written or saved: a sentence. Nothing written or saved: why.</extracomment>
        <translation>Connect to HPAY first: prices are in the account’s currency, known once HPOS has reached HPAY.</translation>
    </message>
    <message>
        <source>Import a catalogue</source>
        <translation>Import a catalogue</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV files (*.csv);;All files (*)</translation>
    </message>
    <message>
        <source>Nothing was imported: the catalogue changed since the file was read ({reason}). Import the file again.</source>
        <translation>Nothing was imported: the catalogue changed since the file was read ({reason}). Import the file again.</translation>
    </message>
    <message>
        <source>Nothing was imported: {reason}</source>
        <translation>Nothing was imported: {reason}</translation>
    </message>
    <message>
        <source>“{file}” was not imported: {reason}</source>
        <translation>“{file}” was not imported: {reason}</translation>
    </message>
    <message>
        <source>Save the import report</source>
        <translation>Save the import report</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Text files (*.txt)</translation>
    </message>
    <message>
        <source>Report saved: {path}</source>
        <translation>Report saved: {path}</translation>
    </message>
    <message>
        <source>The report could not be saved ({path}).</source>
        <translation>The report could not be saved ({path}).</translation>
    </message>
    <message>
        <source>Export the catalogue</source>
        <translation>Export the catalogue</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>{count} items exported: {path}</source>
        <translation>{count} items exported: {path}</translation>
    </message>
    <message>
        <source>The catalogue could not be exported ({path}).</source>
        <translation>The catalogue could not be exported ({path}).</translation>
    </message>
</context>
<context>
    <name>CatalogueModel</name>
    <message>
        <source>Archived: off the quick keys and the scanner; past sales keep it.</source>
        <extracomment>Columns: name, price, category, barcode, SKU, colour, status. ``data(index, ITEM_ROLE)``: the row&apos;s :class:`Item`.</extracomment>
        <translation>Archived: off the quick keys and the scanner; past sales keep it.</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archived</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>CataloguePage</name>
    <message>
        <source>Remove an item</source>
        <extracomment>The item was written: a :class:`~hpos.ui.catalogue.jobs.Done`.</extracomment>
        <translation>Remove an item</translation>
    </message>
    <message>
        <source>Remove “{name}”? An item no sale names is deleted; an item already sold is archived instead, so that its sales keep it.</source>
        <translation>Remove “{name}”? An item no sale names is deleted; an item already sold is archived instead, so that its sales keep it.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Connect to HPAY first: prices are in the account’s currency, known once HPOS has reached HPAY.</source>
        <extracomment>The rows the columns&apos; widths are fitted to (the first ones, in the order shown). The catalogue was written (add, edit, archive, restore, remove, import). The items are on screen (after each reading). A sentence for the status bar (something done, or why not).</extracomment>
        <translation>Connect to HPAY first: prices are in the account’s currency, known once HPOS has reached HPAY.</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <source>Filter: name, code or category</source>
        <translation>Filter: name, code or category</translation>
    </message>
    <message>
        <source>Show archi&amp;ved</source>
        <translation>Show archi&amp;ved</translation>
    </message>
    <message>
        <source>A&amp;dd…</source>
        <translation>A&amp;dd…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>Re&amp;move…</translation>
    </message>
    <message>
        <source>Delete an item never sold; an item already sold is archived instead</source>
        <translation>Delete an item never sold; an item already sold is archived instead</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Import CSV…</translation>
    </message>
    <message>
        <source>Add and change items from a CSV file: a report first, then Import</source>
        <translation>Add and change items from a CSV file: a report first, then Import</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;xport CSV…</translation>
    </message>
    <message>
        <source>Save the items shown as a CSV file</source>
        <translation>Save the items shown as a CSV file</translation>
    </message>
    <message>
        <source>Res&amp;tore</source>
        <translation>Res&amp;tore</translation>
    </message>
    <message>
        <source>Back on the quick keys and the scanner</source>
        <translation>Back on the quick keys and the scanner</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archive</translation>
    </message>
    <message>
        <source>Off the quick keys and the scanner; past sales keep it</source>
        <translation>Off the quick keys and the scanner; past sales keep it</translation>
    </message>
    <message>
        <source>The catalogue could not be read: {reason}</source>
        <translation>The catalogue could not be read: {reason}</translation>
    </message>
    <message>
        <source>Not restored: {reason}</source>
        <translation>Not restored: {reason}</translation>
    </message>
    <message>
        <source>Nothing was changed: {reason}</source>
        <translation>Nothing was changed: {reason}</translation>
    </message>
    <message>
        <source>“{name}” added.</source>
        <translation>“{name}” added.</translation>
    </message>
    <message>
        <source>“{name}” saved.</source>
        <translation>“{name}” saved.</translation>
    </message>
    <message>
        <source>“{name}” archived: off the quick keys and the scanner.</source>
        <translation>“{name}” archived: off the quick keys and the scanner.</translation>
    </message>
    <message>
        <source>“{name}” restored: back on the quick keys and the scanner.</source>
        <translation>“{name}” restored: back on the quick keys and the scanner.</translation>
    </message>
    <message>
        <source>“{name}” deleted.</source>
        <translation>“{name}” deleted.</translation>
    </message>
    <message>
        <source>“{name}” archived, because sales name it: it stays in their receipts and reports.</source>
        <translation>“{name}” archived, because sales name it: it stays in their receipts and reports.</translation>
    </message>
    <message>
        <source>Import done: {count} items written.</source>
        <translation>Import done: {count} items written.</translation>
    </message>
    <message>
        <source>this item is no longer in the catalogue (read it again).</source>
        <translation>this item is no longer in the catalogue (read it again).</translation>
    </message>
    <message>
        <source>The catalogue’s prices are in {catalogue}; this account charges in {account}. The cashier cannot sell them until the catalogue is in {account}.</source>
        <translation>The catalogue’s prices are in {catalogue}; this account charges in {account}. The cashier cannot sell them until the catalogue is in {account}.</translation>
    </message>
    <message>
        <source>Not connected to HPAY: prices are shown in {currency}.</source>
        <translation>Not connected to HPAY: prices are shown in {currency}.</translation>
    </message>
</context>
<context>
    <name>CatalogueWords</name>
    <message>
        <source>Type a price.</source>
        <translation>Type a price.</translation>
    </message>
    <message>
        <source>The price must be more than zero.</source>
        <translation>The price must be more than zero.</translation>
    </message>
    <message>
        <source>The price “{price}” is too large for a payment.</source>
        <translation>The price “{price}” is too large for a payment.</translation>
    </message>
    <message>
        <source>“{price}”: {currency} prices have no decimals.</source>
        <translation>“{price}”: {currency} prices have no decimals.</translation>
    </message>
    <message>
        <source>“{price}”: {currency} prices have at most {places} decimals.</source>
        <translation>“{price}”: {currency} prices have at most {places} decimals.</translation>
    </message>
    <message>
        <source>“{price}” is not a price: type digits with one decimal separator at most, such as {example}.</source>
        <translation>“{price}” is not a price: type digits with one decimal separator at most, such as {example}.</translation>
    </message>
    <message>
        <source>The item needs a name.</source>
        <translation>The item needs a name.</translation>
    </message>
    <message>
        <source>The name is too long: at most {count} characters.</source>
        <translation>The name is too long: at most {count} characters.</translation>
    </message>
    <message>
        <source>“{code}” is not a barcode: 1 to {count} letters without accents, digits or signs, no spaces.</source>
        <translation>“{code}” is not a barcode: 1 to {count} letters without accents, digits or signs, no spaces.</translation>
    </message>
    <message>
        <source>“{code}” is not a SKU: 1 to {count} letters without accents, digits or signs, no spaces.</source>
        <translation>“{code}” is not a SKU: 1 to {count} letters without accents, digits or signs, no spaces.</translation>
    </message>
    <message>
        <source>The category is too long: at most {count} characters.</source>
        <translation>The category is too long: at most {count} characters.</translation>
    </message>
    <message>
        <source>“{colour}” is not a colour: #RRGGBB or one of {names}.</source>
        <translation>“{colour}” is not a colour: #RRGGBB or one of {names}.</translation>
    </message>
    <message>
        <source>“{item}” already has this barcode.</source>
        <translation>“{item}” already has this barcode.</translation>
    </message>
    <message>
        <source>“{item}” already has this SKU.</source>
        <translation>“{item}” already has this SKU.</translation>
    </message>
    <message>
        <source>The catalogue’s prices are in {catalogue}; this account charges in {account}. Nothing was written. Export the catalogue, change its prices, and import it on a till of that account.</source>
        <translation>The catalogue’s prices are in {catalogue}; this account charges in {account}. Nothing was written. Export the catalogue, change its prices, and import it on a till of that account.</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Orange</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Green</translation>
    </message>
    <message>
        <source>Teal</source>
        <translation>Teal</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Blue</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>Purple</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>Pink</translation>
    </message>
    <message>
        <source>Brown</source>
        <translation>Brown</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Grey</translation>
    </message>
    <message>
        <source>Not as many cells as the header has columns.</source>
        <translation>Not as many cells as the header has columns.</translation>
    </message>
    <message>
        <source>The “archived” cell is not yes or no.</source>
        <translation>The “archived” cell is not yes or no.</translation>
    </message>
    <message>
        <source>This item is already on an earlier line.</source>
        <translation>This item is already on an earlier line.</translation>
    </message>
    <message>
        <source>The barcode “{code}” is a number the spreadsheet rewrote (its digits are lost): format the barcode column as text, type the codes again and save.</source>
        <translation>The barcode “{code}” is a number the spreadsheet rewrote (its digits are lost): format the barcode column as text, type the codes again and save.</translation>
    </message>
    <message>
        <source>The price is not a price in {currency}.</source>
        <translation>The price is not a price in {currency}.</translation>
    </message>
    <message>
        <source>The barcode is on an earlier line or is another item’s.</source>
        <translation>The barcode is on an earlier line or is another item’s.</translation>
    </message>
    <message>
        <source>The SKU is on an earlier line or is another item’s.</source>
        <translation>The SKU is on an earlier line or is another item’s.</translation>
    </message>
    <message>
        <source>The barcode is not a code: 1 to {count} letters without accents, digits or signs, no spaces.</source>
        <translation>The barcode is not a code: 1 to {count} letters without accents, digits or signs, no spaces.</translation>
    </message>
    <message>
        <source>The SKU is not a code: 1 to {count} letters without accents, digits or signs, no spaces.</source>
        <translation>The SKU is not a code: 1 to {count} letters without accents, digits or signs, no spaces.</translation>
    </message>
    <message>
        <source>The colour is not #RRGGBB or one of {names}.</source>
        <translation>The colour is not #RRGGBB or one of {names}.</translation>
    </message>
</context>
<context>
    <name>ChargingPage</name>
    <message>
        <source>Asking HPAY for a payment link…</source>
        <translation>Asking HPAY for a payment link…</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Working</translation>
    </message>
    <message>
        <source>Please wait. The customer does not need to do anything yet.</source>
        <translation>Please wait. The customer does not need to do anything yet.</translation>
    </message>
</context>
<context>
    <name>ClosingBody</name>
    <message>
        <source>This till&apos;s sales ({mode})</source>
        <translation>This till&apos;s sales ({mode})</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>Not counted: {n} {mode} sale(s) of this day, kept apart.</source>
        <translation>Not counted: {n} {mode} sale(s) of this day, kept apart.</translation>
    </message>
    <message>
        <source>By cashier (paid sales)</source>
        <translation>By cashier (paid sales)</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Items sold (paid sales)</source>
        <translation>Items sold (paid sales)</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>HPAY&apos;s view of the day</source>
        <translation>HPAY&apos;s view of the day</translation>
    </message>
    <message>
        <source>Not checked against HPAY.</source>
        <translation>Not checked against HPAY.</translation>
    </message>
    <message>
        <source>HPAY: {count} paid · {total}. Matches this till.</source>
        <translation>HPAY: {count} paid · {total}. Matches this till.</translation>
    </message>
    <message>
        <source>HPAY: {count} paid · {total}. {n} difference(s), below.</source>
        <translation>HPAY: {count} paid · {total}. {n} difference(s), below.</translation>
    </message>
    <message>
        <source>Open sales</source>
        <translation>Open sales</translation>
    </message>
    <message>
        <source>None: every sale of the day is settled.</source>
        <translation>None: every sale of the day is settled.</translation>
    </message>
    <message>
        <source>{sale} · {state} · {amount} — {step}: {why}</source>
        <translation>{sale} · {state} · {amount} — {step}: {why}</translation>
    </message>
</context>
<context>
    <name>ClosingFiles</name>
    <message>
        <source>Print the day&apos;s closing</source>
        <extracomment>Printed or saved: a sentence for the page and the status bar. Not printed or saved: the sentence shown.</extracomment>
        <translation>Print the day&apos;s closing</translation>
    </message>
    <message>
        <source>Closing printed on {printer}.</source>
        <translation>Closing printed on {printer}.</translation>
    </message>
    <message>
        <source>Save the closing as PDF</source>
        <translation>Save the closing as PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Save the closing as CSV</source>
        <translation>Save the closing as CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Closing saved: {path}</source>
        <translation>Closing saved: {path}</translation>
    </message>
    <message>
        <source>The closing could not be printed or saved ({where}). Check it and try again.</source>
        <translation>The closing could not be printed or saved ({where}). Check it and try again.</translation>
    </message>
</context>
<context>
    <name>ClosingPage</name>
    <message>
        <source>Close the day</source>
        <extracomment>The printout&apos;s paper sizes, in the Print menu&apos;s order (the receipts&apos; layouts). The day&apos;s figures are on screen. Something went wrong: the sentence shown. The day was closed: the journal&apos;s record (a ClosingRecord). A printout or file was made: a sentence for the status bar. Print, PDF and CSV (dialogs, then the runner).</extracomment>
        <translation>Close the day</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Day:</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>58 mm roll</source>
        <translation>58 mm roll</translation>
    </message>
    <message>
        <source>80 mm roll</source>
        <translation>80 mm roll</translation>
    </message>
    <message>
        <source>A4 page</source>
        <translation>A4 page</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>Save CSV</source>
        <translation>Save CSV</translation>
    </message>
    <message>
        <source>Reading the day and HPAY&apos;s history…</source>
        <translation>Reading the day and HPAY&apos;s history…</translation>
    </message>
    <message>
        <source>Closing the day…</source>
        <translation>Closing the day…</translation>
    </message>
    <message>
        <source>The day could not be read: {detail}</source>
        <translation>The day could not be read: {detail}</translation>
    </message>
    <message>
        <source>Day closed. {closed}.</source>
        <translation>Day closed. {closed}.</translation>
    </message>
    <message>
        <source>HPOS is not set up for HPAY</source>
        <translation>HPOS is not set up for HPAY</translation>
    </message>
    <message>
        <source>HPAY could not be reached ({reason}): these are this till&apos;s own figures, not checked. The day cannot be closed until HPAY answers.</source>
        <translation>HPAY could not be reached ({reason}): these are this till&apos;s own figures, not checked. The day cannot be closed until HPAY answers.</translation>
    </message>
    <message>
        <source>Close the day again</source>
        <translation>Close the day again</translation>
    </message>
    <message>
        <source>Since then:</source>
        <translation>Since then:</translation>
    </message>
    <message>
        <source>Nothing changed since.</source>
        <translation>Nothing changed since.</translation>
    </message>
    <message>
        <source>Paid</source>
        <extracomment>The difference kinds that are errors (red); the others are warnings (amber).</extracomment>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>CREATED</translation>
    </message>
    <message>
        <source>SENDING</source>
        <translation>SENDING</translation>
    </message>
    <message>
        <source>WAITING</source>
        <translation>WAITING</translation>
    </message>
    <message>
        <source>PAID</source>
        <translation>PAID</translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation>CANCELLED</translation>
    </message>
    <message>
        <source>EXPIRED</source>
        <translation>EXPIRED</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FAILED</translation>
    </message>
    <message>
        <source>UNKNOWN</source>
        <translation>UNKNOWN</translation>
    </message>
    <message>
        <source>TO REVIEW</source>
        <translation>TO REVIEW</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>Wait</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The payment request is on its way: wait a moment.</source>
        <translation>The payment request is on its way: wait a moment.</translation>
    </message>
    <message>
        <source>The customer may still be paying: wait (it expires after 15 minutes).</source>
        <translation>The customer may still be paying: wait (it expires after 15 minutes).</translation>
    </message>
    <message>
        <source>Nobody watched it past its expiry: if the customer has gone, cancel it (a late payment is still caught).</source>
        <translation>Nobody watched it past its expiry: if the customer has gone, cancel it (a late payment is still caught).</translation>
    </message>
    <message>
        <source>Outcome unknown: check it in History (F5) before charging again.</source>
        <translation>Outcome unknown: check it in History (F5) before charging again.</translation>
    </message>
    <message>
        <source>HPOS needs a person: check it in History against HPAY.</source>
        <translation>HPOS needs a person: check it in History against HPAY.</translation>
    </message>
    <message>
        <source>HPAY has it paid: check it in History (F5) so the till records it.</source>
        <translation>HPAY has it paid: check it in History (F5) so the till records it.</translation>
    </message>
    <message>
        <source>Not paid at HPAY</source>
        <translation>Not paid at HPAY</translation>
    </message>
    <message>
        <source>Amount differs</source>
        <translation>Amount differs</translation>
    </message>
    <message>
        <source>Paid at HPAY only</source>
        <translation>Paid at HPAY only</translation>
    </message>
    <message>
        <source>Not from this till</source>
        <translation>Not from this till</translation>
    </message>
    <message>
        <source>Dated another day</source>
        <translation>Dated another day</translation>
    </message>
    <message>
        <source>Other mode</source>
        <translation>Other mode</translation>
    </message>
    <message>
        <source>{kind}: {detail}</source>
        <translation>{kind}: {detail}</translation>
    </message>
    <message>
        <source>Paid late after closing: {sale} {amount}</source>
        <translation>Paid late after closing: {sale} {amount}</translation>
    </message>
    <message>
        <source>Paid after closing: {sale} {amount}</source>
        <translation>Paid after closing: {sale} {amount}</translation>
    </message>
    <message>
        <source>Sold after closing: {sale} {amount} ({state})</source>
        <translation>Sold after closing: {sale} {amount} ({state})</translation>
    </message>
    <message>
        <source>{before} at closing, now {state}: {sale} {amount}</source>
        <translation>{before} at closing, now {state}: {sale} {amount}</translation>
    </message>
    <message>
        <source>not named</source>
        <translation>not named</translation>
    </message>
    <message>
        <source>Closed on {when} by {who}</source>
        <translation>Closed on {when} by {who}</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>Free amounts</source>
        <translation>Free amounts</translation>
    </message>
    <message>
        <source>Sales without lines</source>
        <translation>Sales without lines</translation>
    </message>
    <message>
        <source>Day closing</source>
        <translation>Day closing</translation>
    </message>
    <message>
        <source>Till {till} · {day}</source>
        <translation>Till {till} · {day}</translation>
    </message>
    <message>
        <source>TEST</source>
        <translation>TEST</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>By cashier</source>
        <translation>By cashier</translation>
    </message>
    <message>
        <source>{count} paid · {amount} (net {net})</source>
        <translation>{count} paid · {amount} (net {net})</translation>
    </message>
    <message>
        <source>Items sold</source>
        <translation>Items sold</translation>
    </message>
    <message>
        <source>HPAY paid</source>
        <translation>HPAY paid</translation>
    </message>
    <message>
        <source>Matches HPAY</source>
        <translation>Matches HPAY</translation>
    </message>
    <message>
        <source>{n} difference(s) with HPAY</source>
        <translation>{n} difference(s) with HPAY</translation>
    </message>
    <message>
        <source>NOT checked against HPAY</source>
        <translation>NOT checked against HPAY</translation>
    </message>
    <message>
        <source>Open sales</source>
        <translation>Open sales</translation>
    </message>
</context>
<context>
    <name>ConnectionTest</name>
    <message>
        <source>Contacting {host}…</source>
        <extracomment>What a test depends on: the fields&apos; URL, keys and mode (compared, never shown).</extracomment>
        <translation>Contacting {host}…</translation>
    </message>
    <message>
        <source>Settings changed since the test: test again.</source>
        <translation>Settings changed since the test: test again.</translation>
    </message>
</context>
<context>
    <name>CounterPage</name>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>Customer display</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Sound</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Receipts</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>The language of HPOS; System follows the computer&apos;s language.</source>
        <translation>The language of HPOS; System follows the computer&apos;s language.</translation>
    </message>
    <message>
        <source>Customer display screen</source>
        <translation>Customer display screen</translation>
    </message>
    <message>
        <source>Play a sound when paid or failed</source>
        <translation>Play a sound when paid or failed</translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation>Sound on</translation>
    </message>
    <message>
        <source>Sound volume</source>
        <translation>Sound volume</translation>
    </message>
    <message>
        <source>From 0 to 100 percent</source>
        <translation>From 0 to 100 percent</translation>
    </message>
    <message>
        <source>58 mm roll</source>
        <translation>58 mm roll</translation>
    </message>
    <message>
        <source>80 mm roll</source>
        <translation>80 mm roll</translation>
    </message>
    <message>
        <source>Show &amp;on</source>
        <translation>Show &amp;on</translation>
    </message>
    <message>
        <source>&amp;Volume</source>
        <translation>&amp;Volume</translation>
    </message>
    <message>
        <source>&amp;Paper</source>
        <translation>&amp;Paper</translation>
    </message>
    <message>
        <source>Receipt paper</source>
        <translation>Receipt paper</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Forget</translation>
    </message>
    <message>
        <source>Forget the printer</source>
        <translation>Forget the printer</translation>
    </message>
    <message>
        <source>Ask for the printer again next time</source>
        <translation>Ask for the printer again next time</translation>
    </message>
    <message>
        <source>Print without asking (no print dialog)</source>
        <translation>Print without asking (no print dialog)</translation>
    </message>
    <message>
        <source>Print without dialog</source>
        <translation>Print without dialog</translation>
    </message>
    <message>
        <source>Print a receipt automatically when paid</source>
        <translation>Print a receipt automatically when paid</translation>
    </message>
    <message>
        <source>Print automatically when paid</source>
        <translation>Print automatically when paid</translation>
    </message>
    <message>
        <source>Automatic (second screen)</source>
        <translation>Automatic (second screen)</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>A window on this screen</source>
        <translation>A window on this screen</translation>
    </message>
    <message>
        <source>{screen} (not connected)</source>
        <translation>{screen} (not connected)</translation>
    </message>
    <message>
        <source>Full screen on a second screen when one is connected; none with one screen.</source>
        <translation>Full screen on a second screen when one is connected; none with one screen.</translation>
    </message>
    <message>
        <source>No customer display: turn the cashier&apos;s screen to show the QR code.</source>
        <translation>No customer display: turn the cashier&apos;s screen to show the QR code.</translation>
    </message>
    <message>
        <source>A window you move and size where the customer sees it; HPOS remembers where. View → Customer display (Ctrl+Shift+D) closes or reopens it.</source>
        <translation>A window you move and size where the customer sees it; HPOS remembers where. View → Customer display (Ctrl+Shift+D) closes or reopens it.</translation>
    </message>
    <message>
        <source>{screen} is not connected: no customer display until it is.</source>
        <translation>{screen} is not connected: no customer display until it is.</translation>
    </message>
    <message>
        <source>Full screen on {screen}; a window you move instead if the cashier&apos;s window is there.</source>
        <translation>Full screen on {screen}; a window you move instead if the cashier&apos;s window is there.</translation>
    </message>
    <message>
        <source>None remembered (asks, or the system default)</source>
        <translation>None remembered (asks, or the system default)</translation>
    </message>
    <message>
        <source>Remembered printer</source>
        <translation>Remembered printer</translation>
    </message>
    <message>
        <source>{percent}%</source>
        <translation>{percent}%</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>HPOS hit an unexpected error. Your sales are saved. No log file could be written.</source>
        <extracomment>An error was logged (where it happened: &quot;main thread&quot;, &quot;thread &lt;name&gt;&quot;).</extracomment>
        <translation>HPOS hit an unexpected error. Your sales are saved. No log file could be written.</translation>
    </message>
    <message>
        <source>HPOS hit an unexpected error. Your sales are saved. Details are in the log: {path}</source>
        <translation>HPOS hit an unexpected error. Your sales are saved. Details are in the log: {path}</translation>
    </message>
    <message>
        <source>It happened again ({count} more since this message opened).</source>
        <translation>It happened again ({count} more since this message opened).</translation>
    </message>
    <message>
        <source>HPOS — unexpected error</source>
        <translation>HPOS — unexpected error</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Unexpected error</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <source>Payment received — please see the cashier.</source>
        <extracomment>What the customer sees. Seconds &quot;Paid — thank you&quot; or a message stays before the display goes idle. A cart sale&apos;s lines, in place of its product name.</extracomment>
        <translation>Payment received — please see the cashier.</translation>
    </message>
    <message>
        <source>Please see the cashier.</source>
        <translation>Please see the cashier.</translation>
    </message>
    <message>
        <source>Time left {time}</source>
        <translation>Time left {time}</translation>
    </message>
    <message>
        <source>This code is expiring…</source>
        <translation>This code is expiring…</translation>
    </message>
    <message>
        <source>HPOS — customer display</source>
        <translation>HPOS — customer display</translation>
    </message>
    <message>
        <source>TEST MODE — no real money moves</source>
        <translation>TEST MODE — no real money moves</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>One moment, please…</source>
        <translation>One moment, please…</translation>
    </message>
    <message>
        <source>Scan to pay</source>
        <translation>Scan to pay</translation>
    </message>
    <message>
        <source>Paid — thank you</source>
        <translation>Paid — thank you</translation>
    </message>
    <message>
        <source>Payment QR code</source>
        <translation>Payment QR code</translation>
    </message>
</context>
<context>
    <name>CustomerDisplayManager</name>
    <message>
        <source>&amp;Customer display</source>
        <extracomment>The action&apos;s object name: F1 finds its sentence by it.</extracomment>
        <translation>&amp;Customer display</translation>
    </message>
    <message>
        <source>Close the customer display, or open it again</source>
        <translation>Close the customer display, or open it again</translation>
    </message>
</context>
<context>
    <name>DetailsDialog</name>
    <message>
        <source>This link is not on an allowed host; not shown as a QR.</source>
        <translation>This link is not on an allowed host; not shown as a QR.</translation>
    </message>
    <message>
        <source>This link cannot be checked; not shown as a QR.</source>
        <translation>This link cannot be checked; not shown as a QR.</translation>
    </message>
    <message>
        <source>The QR code cannot be drawn here; use Copy link.</source>
        <translation>The QR code cannot be drawn here; use Copy link.</translation>
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
        <translation>Sale number</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
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
        <translation>Served by</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Payment {name}</source>
        <extracomment>A paid row&apos;s receipt was asked for: (row, &quot;print&quot; | &quot;pdf&quot;); see hpos.ui.receipts.actions. How fresh the row is: &quot;&quot; (as listed), &quot;checking&quot;, &quot;checked&quot; or &quot;stale&quot;. A cart sale&apos;s lines (None: a sale without lines).</extracomment>
        <translation>Payment {name}</translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation>{field}:</translation>
    </message>
    <message>
        <source>no link</source>
        <translation>no link</translation>
    </message>
    <message>
        <source>Payment link</source>
        <translation>Payment link</translation>
    </message>
    <message>
        <source>Print receipt…</source>
        <translation>Print receipt…</translation>
    </message>
    <message>
        <source>Print receipt ({key})</source>
        <translation>Print receipt ({key})</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>Save as &amp;PDF…</translation>
    </message>
    <message>
        <source>Scan to pay</source>
        <translation>Scan to pay</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
    <message>
        <source>Checking with HPAY…</source>
        <translation>Checking with HPAY…</translation>
    </message>
    <message>
        <source>Checked with HPAY at {time}.</source>
        <translation>Checked with HPAY at {time}.</translation>
    </message>
    <message>
        <source>Last known, not refreshed: HPAY&apos;s history does not list it.</source>
        <translation>Last known, not refreshed: HPAY&apos;s history does not list it.</translation>
    </message>
    <message>
        <source>{status} — paid after the sale was cancelled or expired</source>
        <translation>{status} — paid after the sale was cancelled or expired</translation>
    </message>
    <message>
        <source>{status} (last known)</source>
        <translation>{status} (last known)</translation>
    </message>
    <message>
        <source>TEST — test payment, no real money</source>
        <translation>TEST — test payment, no real money</translation>
    </message>
    <message>
        <source>HPAY history</source>
        <translation>HPAY history</translation>
    </message>
    <message>
        <source>This till&apos;s journal</source>
        <translation>This till&apos;s journal</translation>
    </message>
    <message>
        <source>none (not paid)</source>
        <translation>none (not paid)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation>&amp;Copy link</translation>
    </message>
</context>
<context>
    <name>EntryPage</name>
    <message>
        <source>Connecting to HPAY…</source>
        <translation>Connecting to HPAY…</translation>
    </message>
    <message>
        <source>Amount to charge</source>
        <translation>Amount to charge</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Charge ({key})</source>
        <translation>Charge ({key})</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Add the typed amount to the cart</source>
        <translation>Add the typed amount to the cart</translation>
    </message>
    <message>
        <source>Amount typed</source>
        <translation>Amount typed</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Unexpected error ({name}).</source>
        <extracomment>Most rows a quiet refresh re-reads in one request (HPAY&apos;s page limit in the client). The rest of a long journal is read this long after its first screen is shown.</extracomment>
        <translation>Unexpected error ({name}).</translation>
    </message>
    <message>
        <source>The history was not refreshed: {reason}</source>
        <extracomment>A load failed: a sentence for the user. True while a request of the current query is in flight. A page, the journal or a quiet refresh has been applied.</extracomment>
        <translation>The history was not refreshed: {reason}</translation>
    </message>
    <message>
        <source>The history could not be loaded: {reason} Refresh to try again.</source>
        <translation>The history could not be loaded: {reason} Refresh to try again.</translation>
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
        <translation>This till</translation>
    </message>
    <message>
        <source>HPAY&apos;s history of the account, or this till&apos;s own sales</source>
        <translation>HPAY&apos;s history of the account, or this till&apos;s own sales</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>S&amp;tatus</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Unchecked: any date</source>
        <translation>Unchecked: any date</translation>
    </message>
    <message>
        <source>Search transaction, product, sale…</source>
        <translation>Search transaction, product, sale…</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>Search…</translation>
    </message>
    <message>
        <source>Search the payments</source>
        <translation>Search the payments</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>To date</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>{key} opens the details of a payment</source>
        <translation>{key} opens the details of a payment</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Load the history again (F5)</source>
        <translation>Load the history again (F5)</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Export CSV…</translation>
    </message>
    <message>
        <source>Save the rows shown as a CSV file</source>
        <translation>Save the rows shown as a CSV file</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Loading every page before the export…</source>
        <translation>Loading every page before the export…</translation>
    </message>
    <message>
        <source>Nothing exported: {reason}</source>
        <translation>Nothing exported: {reason}</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Export cancelled.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Exported {count} row to {name}.</source>
        <translation>Exported {count} row to {name}.</translation>
    </message>
    <message>
        <source>Exported {count} rows to {name}.</source>
        <translation>Exported {count} rows to {name}.</translation>
    </message>
    <message>
        <source>Export failed.</source>
        <translation>Export failed.</translation>
    </message>
    <message>
        <source>The CSV could not be written to {path}: {reason}</source>
        <translation>The CSV could not be written to {path}: {reason}</translation>
    </message>
    <message>
        <source>Export the history as CSV</source>
        <translation>Export the history as CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Waiting for the HPAY connection…</source>
        <translation>Waiting for the HPAY connection…</translation>
    </message>
    <message>
        <source>Waiting for this till&apos;s journal…</source>
        <translation>Waiting for this till&apos;s journal…</translation>
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
        <translation>Sale</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Transaction</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>PAID</source>
        <extracomment>The same columns under flat names. What the user reads for each status (HPAY&apos;s, the journal&apos;s); others are shown as they are.</extracomment>
        <translation>PAID</translation>
    </message>
    <message>
        <source>PAID LATE</source>
        <translation>PAID LATE</translation>
    </message>
    <message>
        <source>UNPAID</source>
        <translation>UNPAID</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>CREATED</translation>
    </message>
    <message>
        <source>REQUESTING</source>
        <translation>REQUESTING</translation>
    </message>
    <message>
        <source>AWAITING</source>
        <translation>AWAITING</translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation>CANCELLED</translation>
    </message>
    <message>
        <source>EXPIRED</source>
        <translation>EXPIRED</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FAILED</translation>
    </message>
    <message>
        <source>UNKNOWN</source>
        <translation>UNKNOWN</translation>
    </message>
    <message>
        <source>REVIEW</source>
        <translation>REVIEW</translation>
    </message>
    <message>
        <source>Unknown history source {source}.</source>
        <extracomment>A cart sale&apos;s lines as sold (journal sales; HPAY&apos;s history has none).</extracomment>
        <translation>Unknown history source {source}.</translation>
    </message>
    <message>
        <source>Unknown status filter {status}.</source>
        <translation>Unknown status filter {status}.</translation>
    </message>
    <message>
        <source>The start date is after the end date.</source>
        <translation>The start date is after the end date.</translation>
    </message>
    <message>
        <source>1 paid</source>
        <extracomment>The groups of states the footer counts, in the order it says them. Which group each status (HPAY&apos;s, the journal&apos;s) is counted in; any other is &quot;other&quot;. (one row, several rows) of each group: the French words agree in number.</extracomment>
        <translation>1 paid</translation>
    </message>
    <message>
        <source>{count} paid</source>
        <translation>{count} paid</translation>
    </message>
    <message>
        <source>1 waiting</source>
        <translation>1 waiting</translation>
    </message>
    <message>
        <source>{count} waiting</source>
        <translation>{count} waiting</translation>
    </message>
    <message>
        <source>1 cancelled</source>
        <translation>1 cancelled</translation>
    </message>
    <message>
        <source>{count} cancelled</source>
        <translation>{count} cancelled</translation>
    </message>
    <message>
        <source>1 expired</source>
        <translation>1 expired</translation>
    </message>
    <message>
        <source>{count} expired</source>
        <translation>{count} expired</translation>
    </message>
    <message>
        <source>1 failed</source>
        <translation>1 failed</translation>
    </message>
    <message>
        <source>{count} failed</source>
        <translation>{count} failed</translation>
    </message>
    <message>
        <source>1 to check</source>
        <translation>1 to check</translation>
    </message>
    <message>
        <source>{count} to check</source>
        <translation>{count} to check</translation>
    </message>
    <message>
        <source>1 other</source>
        <translation>1 other</translation>
    </message>
    <message>
        <source>{count} other</source>
        <translation>{count} other</translation>
    </message>
    <message>
        <source>PROD</source>
        <extracomment>Paid rows whose fees are not known (their fees are not in ``fees``).</extracomment>
        <translation>PROD</translation>
    </message>
    <message>
        <source>TEST (not in PROD totals)</source>
        <translation>TEST (not in PROD totals)</translation>
    </message>
    <message>
        <source>Mode not given</source>
        <translation>Mode not given</translation>
    </message>
    <message>
        <source>{mode}: {summary}</source>
        <translation>{mode}: {summary}</translation>
    </message>
    <message>
        <source>No payments shown.</source>
        <translation>No payments shown.</translation>
    </message>
    <message>
        <source>Nothing paid — {counts}</source>
        <translation>Nothing paid — {counts}</translation>
    </message>
    <message>
        <source>Paid {paid} · fees {fees} · net {net}</source>
        <translation>Paid {paid} · fees {fees} · net {net}</translation>
    </message>
    <message>
        <source>(fees unknown for {count})</source>
        <translation>(fees unknown for {count})</translation>
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
        <translation>Paid after the sale was cancelled or expired.</translation>
    </message>
    <message>
        <source>TEST mode: no real money moved.</source>
        <translation>TEST mode: no real money moved.</translation>
    </message>
</context>
<context>
    <name>ImportChanges</name>
    <message>
        <source>Archived</source>
        <translation>Archived</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>barcode {code}</source>
        <translation>barcode {code}</translation>
    </message>
    <message>
        <source>SKU {code}</source>
        <translation>SKU {code}</translation>
    </message>
    <message>
        <source>New item: {details}</source>
        <translation>New item: {details}</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>price</source>
        <translation>price</translation>
    </message>
    <message>
        <source>category</source>
        <translation>category</translation>
    </message>
    <message>
        <source>barcode</source>
        <translation>barcode</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>colour</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <source>{added} to add, {updated} to change, {unchanged} unchanged, {rejected} line(s) rejected.</source>
        <extracomment>The rejected lines&apos; columns: line number, the line&apos;s text, why. Import pressed. Save report… pressed.</extracomment>
        <translation>{added} to add, {updated} to change, {unchanged} unchanged, {rejected} line(s) rejected.</translation>
    </message>
    <message>
        <source>{archived} to archive, {restored} to restore.</source>
        <translation>{archived} to archive, {restored} to restore.</translation>
    </message>
    <message>
        <source>Nothing to import.</source>
        <translation>Nothing to import.</translation>
    </message>
    <message>
        <source>Line {line}: {why}</source>
        <translation>Line {line}: {why}</translation>
    </message>
    <message>
        <source>What importing changes:</source>
        <translation>What importing changes:</translation>
    </message>
    <message>
        <source>Line {line}: {item}: {change}</source>
        <translation>Line {line}: {item}: {change}</translation>
    </message>
    <message>
        <source>Import a catalogue — report</source>
        <translation>Import a catalogue — report</translation>
    </message>
    <message>
        <source>File: {path}</source>
        <translation>File: {path}</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Line’s text</source>
        <translation>Line’s text</translation>
    </message>
    <message>
        <source>Why it is left out</source>
        <translation>Why it is left out</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>What changes</source>
        <translation>What changes</translation>
    </message>
    <message>
        <source>Rejected lines ({count})</source>
        <translation>Rejected lines ({count})</translation>
    </message>
    <message>
        <source>What changes ({count})</source>
        <translation>What changes ({count})</translation>
    </message>
    <message>
        <source>&amp;Save report…</source>
        <translation>&amp;Save report…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <source>Add an item</source>
        <extracomment>The fields that can be at fault, in the form&apos;s order. Save pressed with a clean draft: (item id or None for a new item, ItemDraft).</extracomment>
        <translation>Add an item</translation>
    </message>
    <message>
        <source>Edit “{name}”</source>
        <translation>Edit “{name}”</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Price ({currency}):</source>
        <translation>&amp;Price ({currency}):</translation>
    </message>
    <message>
        <source>Ca&amp;tegory:</source>
        <translation>Ca&amp;tegory:</translation>
    </message>
    <message>
        <source>&amp;Barcode:</source>
        <translation>&amp;Barcode:</translation>
    </message>
    <message>
        <source>S&amp;KU:</source>
        <translation>S&amp;KU:</translation>
    </message>
    <message>
        <source>Tile colour:</source>
        <translation>Tile colour:</translation>
    </message>
    <message>
        <source>Optional: scan or type it</source>
        <translation>Optional: scan or type it</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Optional: shown as “Other”</source>
        <translation>Optional: shown as “Other”</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>No colour: the tile has the usual look</source>
        <translation>No colour: the tile has the usual look</translation>
    </message>
</context>
<context>
    <name>ItemSearch</name>
    <message>
        <source>No item matches “{text}”.</source>
        <extracomment>Most matches listed. Enter or a tap on a match: its Item. Esc: the search is done.</extracomment>
        <translation>No item matches “{text}”.</translation>
    </message>
    <message>
        <source>Type a name or a code · {up} {down} choose · {enter} adds · {esc} closes</source>
        <translation>Type a name or a code · {up} {down} choose · {enter} adds · {esc} closes</translation>
    </message>
    <message>
        <source>Find an item by name or code</source>
        <translation>Find an item by name or code</translation>
    </message>
    <message>
        <source>Items found</source>
        <translation>Items found</translation>
    </message>
</context>
<context>
    <name>JournalBanner</name>
    <message>
        <source>{line} (Not recorded as read: {reason})</source>
        <extracomment>Warning colours: dark text on amber, a darker edge (the TEST MODE banner is red).</extracomment>
        <translation>{line} (Not recorded as read: {reason})</translation>
    </message>
    <message>
        <source>I understand</source>
        <translation>I understand</translation>
    </message>
    <message>
        <source>I understand: hide this warning</source>
        <translation>I understand: hide this warning</translation>
    </message>
    <message>
        <source>⚠ The sales journal was missing: earlier sales are only in HPAY&apos;s history now.</source>
        <translation>⚠ The sales journal was missing: earlier sales are only in HPAY&apos;s history now.</translation>
    </message>
    <message>
        <source>⚠ The sales journal was emptied: earlier sales are only in HPAY&apos;s history now.</source>
        <translation>⚠ The sales journal was emptied: earlier sales are only in HPAY&apos;s history now.</translation>
    </message>
    <message>
        <source>⚠ The sales journal was replaced: earlier sales are only in HPAY&apos;s history now.</source>
        <translation>⚠ The sales journal was replaced: earlier sales are only in HPAY&apos;s history now.</translation>
    </message>
    <message>
        <source>⚠ The sales journal was restored from an older copy: later sales are only in HPAY&apos;s history.</source>
        <translation>⚠ The sales journal was restored from an older copy: later sales are only in HPAY&apos;s history.</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Digit {digit}</source>
        <extracomment>Smallest side of a key, in pixels (a finger, not a mouse pointer). Every key, in the order the buttons are made.</extracomment>
        <translation>Digit {digit}</translation>
    </message>
    <message>
        <source>Double zero</source>
        <translation>Double zero</translation>
    </message>
    <message>
        <source>Decimal separator</source>
        <translation>Decimal separator</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>Delete the last digit</translation>
    </message>
    <message>
        <source>C</source>
        <comment>clear key</comment>
        <translation>C</translation>
    </message>
    <message>
        <source>Clear the amount</source>
        <translation>Clear the amount</translation>
    </message>
    <message>
        <source>Amount keypad</source>
        <extracomment>The key tapped: &quot;0&quot;-&quot;9&quot;, &quot;00&quot;, &quot;.&quot;, &quot;backspace&quot; or &quot;clear&quot;.</extracomment>
        <translation>Amount keypad</translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <source>Enter</source>
        <extracomment>Qt&apos;s portable names of the keys HPOS names itself -&gt; the name shown (translated).</extracomment>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>Backspace</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Ctrl</source>
        <translation>Ctrl</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>Alt</source>
        <translation>Alt</translation>
    </message>
    <message>
        <source>Meta</source>
        <translation>Meta</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <source>&amp;Print receipt…</source>
        <translation>&amp;Print receipt…</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Open &amp;log folder</translation>
    </message>
    <message>
        <source>Not configured: try the demo or enter your HPAY keys.</source>
        <extracomment>Demos a worker started that the window has not taken yet (stopped if it closes).</extracomment>
        <translation>Not configured: try the demo or enter your HPAY keys.</translation>
    </message>
    <message>
        <source>Starting the demo…</source>
        <translation>Starting the demo…</translation>
    </message>
    <message>
        <source>The demo could not start: {reason}. Try again, or enter your keys.</source>
        <translation>The demo could not start: {reason}. Try again, or enter your keys.</translation>
    </message>
    <message>
        <source>Cashier</source>
        <extracomment>Latest start of the sales controller when the window is not painted (ms).</extracomment>
        <translation>Cashier</translation>
    </message>
    <message>
        <source>History (F2)</source>
        <translation>History (F2)</translation>
    </message>
    <message>
        <source>Connecting to HPAY…</source>
        <translation>Connecting to HPAY…</translation>
    </message>
    <message>
        <source>Connected to HPAY</source>
        <translation>Connected to HPAY</translation>
    </message>
    <message>
        <source>HPOS cannot start selling</source>
        <translation>HPOS cannot start selling</translation>
    </message>
    <message>
        <source>Connection to HPAY lost — retrying; no sale is lost.</source>
        <translation>Connection to HPAY lost — retrying; no sale is lost.</translation>
    </message>
    <message>
        <source>{company} · {mode} · balance {amount}</source>
        <translation>{company} · {mode} · balance {amount}</translation>
    </message>
    <message>
        <source>balance unavailable</source>
        <translation>balance unavailable</translation>
    </message>
    <message>
        <source>Balance not refreshed: {reason}</source>
        <translation>Balance not refreshed: {reason}</translation>
    </message>
    <message>
        <source>HPOS — DEMO</source>
        <translation>HPOS — DEMO</translation>
    </message>
    <message>
        <source>TEST MODE — test payments only, no real money moves</source>
        <extracomment>TEST MODE: shown whenever the account is in TEST. The DEMO bar (None until a demo runs).</extracomment>
        <translation>TEST MODE — test payments only, no real money moves</translation>
    </message>
    <message>
        <source>DEMO — a local HPAY sandbox plays the bank and the customer.</source>
        <extracomment>&quot;The sandbox moved…&quot;: shown when waiting sales&apos; QR codes no longer open.</extracomment>
        <translation>DEMO — a local HPAY sandbox plays the bank and the customer.</translation>
    </message>
    <message>
        <source>Phones on this network can pay the QR ({address}).</source>
        <translation>Phones on this network can pay the QR ({address}).</translation>
    </message>
    <message>
        <source>The sandbox moved to a new address: the QR codes of sales made before no longer open. Use Simulate customer payment to pay a waiting sale.</source>
        <translation>The sandbox moved to a new address: the QR codes of sales made before no longer open. Use Simulate customer payment to pay a waiting sale.</translation>
    </message>
    <message>
        <source>Simulate customer payment</source>
        <translation>Simulate customer payment</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About HPOS</source>
        <translation>&amp;About HPOS</translation>
    </message>
    <message>
        <source>No sale is waiting for payment.</source>
        <translation>No sale is waiting for payment.</translation>
    </message>
    <message>
        <source>Quit HPOS?</source>
        <extracomment>The question open now, if any.</extracomment>
        <translation>Quit HPOS?</translation>
    </message>
    <message>
        <source>A customer may be paying. Quit anyway?</source>
        <translation>A customer may be paying. Quit anyway?</translation>
    </message>
    <message>
        <source>Sale {number} of {amount} is waiting for payment. It stays saved: HPOS checks it again at its next start.</source>
        <translation>Sale {number} of {amount} is waiting for payment. It stays saved: HPOS checks it again at its next start.</translation>
    </message>
    <message>
        <source>A payment is being created. It stays saved: HPOS checks it again at its next start.</source>
        <translation>A payment is being created. It stays saved: HPOS checks it again at its next start.</translation>
    </message>
    <message>
        <source>In the demo, quitting also stops the sandbox: the payment page stops working.</source>
        <translation>In the demo, quitting also stops the sandbox: the payment page stops working.</translation>
    </message>
    <message>
        <source>&amp;Lock manager mode</source>
        <translation>&amp;Lock manager mode</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <extracomment>An owner window&apos;s size when the screen has room (a 1024×600 till gets less), and its least. Room left on the screen for the window&apos;s frame and title bar (px). Who closes the day when no cashier is on duty. The catalogue page wrote the catalogue (add, edit, archive, restore, remove, import).</extracomment>
        <translation>&amp;Owner</translation>
    </message>
    <message>
        <source>&amp;Close the day…</source>
        <translation>&amp;Close the day…</translation>
    </message>
    <message>
        <source>&amp;All tills…</source>
        <translation>&amp;All tills…</translation>
    </message>
    <message>
        <source>Ca&amp;talogue…</source>
        <translation>Ca&amp;talogue…</translation>
    </message>
    <message>
        <source>Close the day — HPOS</source>
        <translation>Close the day — HPOS</translation>
    </message>
    <message>
        <source>All tills — HPOS</source>
        <translation>All tills — HPOS</translation>
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
        <translation>Too many wrong PINs: the PIN is locked for {minutes} minutes. Time left: {left}.</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again in {left}.</source>
        <translation>Wrong PIN. Try again in {left}.</translation>
    </message>
    <message>
        <source>The lock is over: type the PIN.</source>
        <translation>The lock is over: type the PIN.</translation>
    </message>
    <message>
        <source>Wrong PIN. Type it again.</source>
        <translation>Wrong PIN. Type it again.</translation>
    </message>
    <message>
        <source>One more wrong PIN locks it for {minutes} minutes.</source>
        <translation>One more wrong PIN locks it for {minutes} minutes.</translation>
    </message>
</context>
<context>
    <name>ModeButton</name>
    <message>
        <source>Manager mode · Ctrl+L locks</source>
        <translation>Manager mode · Ctrl+L locks</translation>
    </message>
    <message>
        <source>Click or press Ctrl+L to go back to cashier mode.</source>
        <translation>Click or press Ctrl+L to go back to cashier mode.</translation>
    </message>
    <message>
        <source>Cashier mode</source>
        <translation>Cashier mode</translation>
    </message>
    <message>
        <source>Click to type the manager PIN.</source>
        <translation>Click to type the manager PIN.</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Dismiss the notice</source>
        <translation>Dismiss the notice</translation>
    </message>
</context>
<context>
    <name>PaidPage</name>
    <message>
        <source>✔ PAID LATE</source>
        <translation>✔ PAID LATE</translation>
    </message>
    <message>
        <source>✔ PAID</source>
        <translation>✔ PAID</translation>
    </message>
    <message>
        <source>New sale</source>
        <translation>New sale</translation>
    </message>
    <message>
        <source>New sale ({key})</source>
        <translation>New sale ({key})</translation>
    </message>
    <message>
        <source>Print receipt ({key})</source>
        <translation>Print receipt ({key})</translation>
    </message>
    <message>
        <source>Press {key} for a new sale</source>
        <translation>Press {key} for a new sale</translation>
    </message>
    <message>
        <source>New sale in {seconds} s, paused while a window is open · press {key} to start now</source>
        <translation>New sale in {seconds} s, paused while a window is open · press {key} to start now</translation>
    </message>
    <message>
        <source>New sale in {seconds} s · press {key} to start now</source>
        <translation>New sale in {seconds} s · press {key} to start now</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <source>{product} · Sale {number}</source>
        <translation>{product} · Sale {number}</translation>
    </message>
</context>
<context>
    <name>PaymentPage</name>
    <message>
        <source>Scan to pay</source>
        <translation>Scan to pay</translation>
    </message>
    <message>
        <source>No payment link to show</source>
        <translation>No payment link to show</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copy link</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Cancel sale…</source>
        <translation>Cancel sale…</translation>
    </message>
    <message>
        <source>Cancel sale</source>
        <translation>Cancel sale</translation>
    </message>
    <message>
        <source>Cancel this sale ({key})</source>
        <translation>Cancel this sale ({key})</translation>
    </message>
    <message>
        <source>Sale {number}
Transaction {transaction}</source>
        <translation>Sale {number}
Transaction {transaction}</translation>
    </message>
    <message>
        <source>Time left {time}</source>
        <translation>Time left {time}</translation>
    </message>
    <message>
        <source>The link is expiring…</source>
        <translation>The link is expiring…</translation>
    </message>
    <message>
        <source>Link copied</source>
        <translation>Link copied</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Digit {digit}</source>
        <extracomment>Smallest side of a key in pixels: a fingertip, not a mouse pointer.</extracomment>
        <translation>Digit {digit}</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>Delete the last digit</translation>
    </message>
    <message>
        <source>OK</source>
        <comment>the PIN pad&apos;s key that checks the PIN</comment>
        <translation>OK</translation>
    </message>
    <message>
        <source>Check the PIN</source>
        <translation>Check the PIN</translation>
    </message>
    <message>
        <source>PIN keypad</source>
        <extracomment>The key tapped: &quot;0&quot;-&quot;9&quot;, &quot;backspace&quot; or &quot;ok&quot;.</extracomment>
        <translation>PIN keypad</translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <source>The PIN is {low} to {high} digits.</source>
        <extracomment>The fields changed (the dialog validates again).</extracomment>
        <translation>The PIN is {low} to {high} digits.</translation>
    </message>
    <message>
        <source>Type the same PIN twice.</source>
        <translation>Type the same PIN twice.</translation>
    </message>
    <message>
        <source>Type the PIN again.</source>
        <translation>Type the PIN again.</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>Manager PIN</translation>
    </message>
    <message>
        <source>The saved PIN is damaged: no PIN opens it. Set a new one or remove it.</source>
        <translation>The saved PIN is damaged: no PIN opens it. Set a new one or remove it.</translation>
    </message>
    <message>
        <source>A manager PIN is set: Settings, the TEST/PROD switch and the Owner menu (closing the day, all tills, the catalogue) ask for it. Selling, the history, reprints and the customer display never do.</source>
        <translation>A manager PIN is set: Settings, the TEST/PROD switch and the Owner menu (closing the day, all tills, the catalogue) ask for it. Selling, the history, reprints and the customer display never do.</translation>
    </message>
    <message>
        <source>No manager PIN: anyone at the till can open Settings, switch to PROD and use the Owner menu (closing the day, the catalogue). Set a PIN of 4 to 8 digits to keep them for the manager.</source>
        <translation>No manager PIN: anyone at the till can open Settings, switch to PROD and use the Owner menu (closing the day, the catalogue). Set a PIN of 4 to 8 digits to keep them for the manager.</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>Repeat it</translation>
    </message>
    <message>
        <source>New manager PIN</source>
        <translation>New manager PIN</translation>
    </message>
    <message>
        <source>Repeat the new manager PIN</source>
        <translation>Repeat the new manager PIN</translation>
    </message>
    <message>
        <source>4 to 8 digits</source>
        <translation>4 to 8 digits</translation>
    </message>
    <message>
        <source>Remove the manager PIN</source>
        <translation>Remove the manager PIN</translation>
    </message>
    <message>
        <source>Manager mode ends after 5 minutes without a key press or a click, or on Ctrl+L. A forgotten PIN is removed from a terminal on this computer: hpos configure --reset-pin</source>
        <translation>Manager mode ends after 5 minutes without a key press or a click, or on Ctrl+L. A forgotten PIN is removed from a terminal on this computer: hpos configure --reset-pin</translation>
    </message>
</context>
<context>
    <name>PinPrompt</name>
    <message>
        <source>The PIN is {low} to {high} digits.</source>
        <extracomment>The pad&apos;s widest (three keys of about 100 px): a wider dialog leaves it centred. Each answer of a try (a :class:`~hpos.profile.pin.PinAnswer`), on the GUI thread.</extracomment>
        <translation>The PIN is {low} to {high} digits.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>The PIN could not be checked ({name}).</source>
        <translation>The PIN could not be checked ({name}).</translation>
    </message>
    <message>
        <source>The saved manager PIN is damaged: no PIN opens it. The owner can remove it from a terminal (see the README&apos;s set-up section).</source>
        <translation>The saved manager PIN is damaged: no PIN opens it. The owner can remove it from a terminal (see the README&apos;s set-up section).</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>Manager PIN</translation>
    </message>
    <message>
        <source>This needs the manager PIN. Type it to enter manager mode.</source>
        <translation>This needs the manager PIN. Type it to enter manager mode.</translation>
    </message>
    <message>
        <source>4 to 8 digits</source>
        <translation>4 to 8 digits</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Unlock manager mode</source>
        <translation>Unlock manager mode</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ProblemPage</name>
    <message>
        <source>New sale</source>
        <extracomment>How the HPAY layer names the status of an answer in its messages (&quot;... (HTTP 502) ...&quot;).</extracomment>
        <translation>New sale</translation>
    </message>
    <message>
        <source>Payment not created</source>
        <translation>Payment not created</translation>
    </message>
    <message>
        <source>HPAY refused this payment or never received it. Nothing was charged. Safe to try again.</source>
        <translation>HPAY refused this payment or never received it. Nothing was charged. Safe to try again.</translation>
    </message>
    <message>
        <source>{answered}, and no payment of this sale is in HPAY&apos;s history. Nothing was charged. Safe to try again.</source>
        <translation>{answered}, and no payment of this sale is in HPAY&apos;s history. Nothing was charged. Safe to try again.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Payment link expired</source>
        <translation>Payment link expired</translation>
    </message>
    <message>
        <source>No payment within {minutes} minutes, so the link is no longer shown. If the customer pays now, HPOS will still see it and mark the sale PAID LATE.</source>
        <translation>No payment within {minutes} minutes, so the link is no longer shown. If the customer pays now, HPOS will still see it and mark the sale PAID LATE.</translation>
    </message>
    <message>
        <source>Checking the payment…</source>
        <translation>Checking the payment…</translation>
    </message>
    <message>
        <source>Checking whether the payment went through: HPAY did not answer in time. Do not charge again. HPOS is looking for this payment in HPAY&apos;s history.</source>
        <translation>Checking whether the payment went through: HPAY did not answer in time. Do not charge again. HPOS is looking for this payment in HPAY&apos;s history.</translation>
    </message>
    <message>
        <source>{answered}. HPOS is making sure no payment was created (a few seconds). Do not charge again yet.</source>
        <translation>{answered}. HPOS is making sure no payment was created (a few seconds). Do not charge again yet.</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Check now</translation>
    </message>
    <message>
        <source>Several payments match this sale in HPAY, or its payment is not its own. Do not charge again: ask a manager to check it in History.</source>
        <translation>Several payments match this sale in HPAY, or its payment is not its own. Do not charge again: ask a manager to check it in History.</translation>
    </message>
    <message>
        <source>A manager must check this sale</source>
        <translation>A manager must check this sale</translation>
    </message>
    <message>
        <source>The payment request was sent, but this till&apos;s journal could not record HPAY&apos;s answer: {problem} HPOS looks for the payment in HPAY&apos;s history once the journal can be written, at the latest at the next start.</source>
        <translation>The payment request was sent, but this till&apos;s journal could not record HPAY&apos;s answer: {problem} HPOS looks for the payment in HPAY&apos;s history once the journal can be written, at the latest at the next start.</translation>
    </message>
    <message>
        <source>Outcome unknown — do not charge again</source>
        <translation>Outcome unknown — do not charge again</translation>
    </message>
    <message>
        <source>Sale cancelled</source>
        <translation>Sale cancelled</translation>
    </message>
    <message>
        <source>Nothing to pay. If the customer pays anyway, HPOS will still see it and mark the sale PAID LATE.</source>
        <translation>Nothing to pay. If the customer pays anyway, HPOS will still see it and mark the sale PAID LATE.</translation>
    </message>
    <message>
        <source>Sale needs attention</source>
        <translation>Sale needs attention</translation>
    </message>
    <message>
        <source>This sale is being looked after. It stays in the journal.</source>
        <translation>This sale is being looked after. It stays in the journal.</translation>
    </message>
    <message>
        <source>Sale {number} · {amount} · {product}</source>
        <translation>Sale {number} · {amount} · {product}</translation>
    </message>
    <message>
        <source>Details: {detail}</source>
        <translation>Details: {detail}</translation>
    </message>
</context>
<context>
    <name>QrWidget</name>
    <message>
        <source>Payment QR code</source>
        <extracomment>White modules around the code (the standard asks for 4). Longest text we render (a checkout URL is far shorter). Modules of a version 4 code, the usual size of a checkout URL. Device pixels per module below which a phone struggles.</extracomment>
        <translation>Payment QR code</translation>
    </message>
    <message>
        <source>QR code of the payment link</source>
        <translation>QR code of the payment link</translation>
    </message>
    <message>
        <source>No QR code</source>
        <translation>No QR code</translation>
    </message>
</context>
<context>
    <name>QuickKeys</name>
    <message>
        <source>Quick keys</source>
        <extracomment>A tile is at least this tall (a finger, not a mouse pointer). Tiles on one page: columns × rows. Up to this many categories show as buttons (all in sight); more as scrolling tabs. The tile of an item with no colour in a category with no name. A tile was tapped: its Item.</extracomment>
        <translation>Quick keys</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>No category</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Page {page} of {pages}</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>PAID LATE</source>
        <translation>PAID LATE</translation>
    </message>
    <message>
        <source>PAID</source>
        <translation>PAID</translation>
    </message>
    <message>
        <source>Till {till}</source>
        <translation>Till {till}</translation>
    </message>
    <message>
        <source>Served by {name}</source>
        <translation>Served by {name}</translation>
    </message>
    <message>
        <source>TEST</source>
        <translation>TEST</translation>
    </message>
    <message>
        <source>Test payment — no real money</source>
        <translation>Test payment — no real money</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Sale</translation>
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
        <translation>Product</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Currency</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Transaction</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>Thank you</translation>
    </message>
</context>
<context>
    <name>ReceiptActions</name>
    <message>
        <source>No receipt for sale {name}: it is {status}, not paid. A receipt is printed only for a paid sale.</source>
        <extracomment>A receipt was printed or saved: a sentence for the status bar. Something went wrong (also shown in a message box): the sentence shown. Where the file dialogs start (shared with the history&apos;s CSV export by the window). HPAY&apos;s company name (from the token): the shop name when the settings have none. Makes the printer (tests: a PDF-format QPrinter); None: the system&apos;s printers.</extracomment>
        <translation>No receipt for sale {name}: it is {status}, not paid. A receipt is printed only for a paid sale.</translation>
    </message>
    <message>
        <source>No receipt for this sale: {reason}</source>
        <translation>No receipt for this sale: {reason}</translation>
    </message>
    <message>
        <source>Nothing to print. Select a paid sale in History first.</source>
        <translation>Nothing to print. Select a paid sale in History first.</translation>
    </message>
    <message>
        <source>Nothing to print: no sale has been finished since HPOS started. A receipt for an earlier paid sale is printed from History.</source>
        <translation>Nothing to print: no sale has been finished since HPOS started. A receipt for an earlier paid sale is printed from History.</translation>
    </message>
    <message>
        <source>The printer “{name}” is not available. Choose a printer.</source>
        <translation>The printer “{name}” is not available. Choose a printer.</translation>
    </message>
    <message>
        <source>No printer is set up on this computer. Choose a printer.</source>
        <translation>No printer is set up on this computer. Choose a printer.</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <source>Receipt printed on {printer}.</source>
        <translation>Receipt printed on {printer}.</translation>
    </message>
    <message>
        <source>The receipt was not printed on “{printer}”. Check the printer, or save the receipt as PDF.</source>
        <translation>The receipt was not printed on “{printer}”. Check the printer, or save the receipt as PDF.</translation>
    </message>
    <message>
        <source>the default printer</source>
        <translation>the default printer</translation>
    </message>
    <message>
        <source>Save receipt as PDF</source>
        <translation>Save receipt as PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>The receipt could not be saved to {path}. Choose another folder.</source>
        <translation>The receipt could not be saved to {path}. Choose another folder.</translation>
    </message>
    <message>
        <source>Receipt saved: {path}</source>
        <translation>Receipt saved: {path}</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
</context>
<context>
    <name>ReturnPagesWarning</name>
    <message>
        <source>Payment return pages are HPAY&apos;s examples: set your own in Settings</source>
        <extracomment>The warning was clicked: open Settings at the return pages.</extracomment>
        <translation>Payment return pages are HPAY&apos;s examples: set your own in Settings</translation>
    </message>
    <message>
        <source>In PROD, after paying, your customers&apos; phones open the success URL. Click to set your shop&apos;s own pages.</source>
        <translation>In PROD, after paying, your customers&apos; phones open the success URL. Click to set your shop&apos;s own pages.</translation>
    </message>
</context>
<context>
    <name>SaleController</name>
    <message>
        <source>HPOS is already open for this profile</source>
        <translation>HPOS is already open for this profile</translation>
    </message>
    <message>
        <source>The profile&apos;s folder cannot be written; nothing was sent to HPAY</source>
        <translation>The profile&apos;s folder cannot be written; nothing was sent to HPAY</translation>
    </message>
    <message>
        <source>Settings problem</source>
        <translation>Settings problem</translation>
    </message>
    <message>
        <source>This amount or sale cannot be sent</source>
        <translation>This amount or sale cannot be sent</translation>
    </message>
    <message>
        <source>HPAY refused the keys</source>
        <translation>HPAY refused the keys</translation>
    </message>
    <message>
        <source>HPAY refused</source>
        <translation>HPAY refused</translation>
    </message>
    <message>
        <source>HPAY cannot be reached</source>
        <translation>HPAY cannot be reached</translation>
    </message>
    <message>
        <source>HPAY answered something unexpected</source>
        <translation>HPAY answered something unexpected</translation>
    </message>
    <message>
        <source>Unsafe payment link refused</source>
        <translation>Unsafe payment link refused</translation>
    </message>
    <message>
        <source>Outcome unknown — do not charge again (the journal failed)</source>
        <translation>Outcome unknown — do not charge again (the journal failed)</translation>
    </message>
    <message>
        <source>HPAY did not answer in time</source>
        <translation>HPAY did not answer in time</translation>
    </message>
    <message>
        <source>HPAY problem</source>
        <translation>HPAY problem</translation>
    </message>
    <message>
        <source>HPAY answered with an error</source>
        <translation>HPAY answered with an error</translation>
    </message>
    <message>
        <source>HPAY answered with an error (HTTP {status})</source>
        <translation>HPAY answered with an error (HTTP {status})</translation>
    </message>
    <message>
        <source>{what}: {detail}</source>
        <translation>{what}: {detail}</translation>
    </message>
    <message>
        <source>The sales journal cannot be used; nothing was sent to HPAY: {detail}</source>
        <translation>The sales journal cannot be used; nothing was sent to HPAY: {detail}</translation>
    </message>
    <message>
        <source>Unexpected error ({kind}): {detail}</source>
        <translation>Unexpected error ({kind}): {detail}</translation>
    </message>
    <message>
        <source>Connection to HPAY lost ({detail}); retrying.</source>
        <translation>Connection to HPAY lost ({detail}); retrying.</translation>
    </message>
    <message>
        <source>Connection to HPAY restored.</source>
        <translation>Connection to HPAY restored.</translation>
    </message>
    <message>
        <source>Still no connection to HPAY; retrying.</source>
        <translation>Still no connection to HPAY; retrying.</translation>
    </message>
    <message>
        <source>Not paid yet.</source>
        <translation>Not paid yet.</translation>
    </message>
    <message>
        <source>HPAY does not list this payment yet.</source>
        <translation>HPAY does not list this payment yet.</translation>
    </message>
    <message>
        <source>No payment for this sale in HPAY&apos;s history yet.</source>
        <translation>No payment for this sale in HPAY&apos;s history yet.</translation>
    </message>
    <message>
        <source>Last known, not refreshed: {reason}</source>
        <translation>Last known, not refreshed: {reason}</translation>
    </message>
    <message>
        <source>This sale can no longer be cancelled (it changed meanwhile).</source>
        <translation>This sale can no longer be cancelled (it changed meanwhile).</translation>
    </message>
    <message>
        <source>This sale is not in the journal.</source>
        <translation>This sale is not in the journal.</translation>
    </message>
    <message>
        <source>The catalogue&apos;s prices are in {kept}; this account charges in {currency}. The quick keys and the scanner are off.</source>
        <extracomment>The token (currency, company, mode) once the service is open and recovered. Start-up failed (profile locked, journal unreadable, HPAY unreachable...). A sale&apos;s new state: every &quot;state&quot; event and every result of charge/cancel/check. Every SaleEvent (&quot;state&quot;, &quot;checked&quot;, &quot;connection_lost&quot;, &quot;connection_restored&quot;, &quot;stopped&quot;). The sale a :meth:`charge` ended with (AWAITING, FAILED or UNKNOWN); sale_changed follows. A charge that could not even start (nothing sent): invalid amount, no token, journal... The request left but the journal could not record its answer (``AnswerNotRecorded``): (the sale as the journal last held it, REQUESTING or UNKNOWN; the journal&apos;s problem, naming its file). Outcome unknown: never charge again; the watcher (or the next start) finds the payment. The result of :meth:`check_now`: (the sale, &quot;&quot; when HPAY was asked, else a &quot;Last known, not refreshed: &lt;reason&gt;&quot; sentence: the sale is only its last known state). A cancel that did not happen (e.g. the sale was paid meanwhile): (sale id, message). Starting, charging or cancelling is in flight (the cashier&apos;s inputs lock). The sales recovery resumed at start-up (list of Sale). The catalogue&apos;s items not archived, read on a worker once ready and again on :meth:`reload_catalogue` (a ``CatalogueIndex``: plain, immutable data; empty when the shop has no items, or when its prices are in another currency). Why the catalogue could not be used (journal unreadable, prices in another currency). Internal: emitted on a worker thread by the listener, delivered queued here.</extracomment>
        <translation>The catalogue&apos;s prices are in {kept}; this account charges in {currency}. The quick keys and the scanner are off.</translation>
    </message>
</context>
<context>
    <name>SaleLinesTable</name>
    <message>
        <source>Item</source>
        <extracomment>Rows shown without scrolling.</extracomment>
        <translation>Item</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Items sold</source>
        <translation>Items sold</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Saving…</source>
        <extracomment>The settings just saved (a :class:`~hpos.profile.profile.Settings`). The fields were filled from the profile (the dialog is ready for input). Test connection finished: (success, the text shown).</extracomment>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>The settings could not be read: {reason}</source>
        <translation>The settings could not be read: {reason}</translation>
    </message>
    <message>
        <source>{problem} The secret is kept for this session only.</source>
        <translation>{problem} The secret is kept for this session only.</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
    <message>
        <source>Switch to PROD?</source>
        <translation>Switch to PROD?</translation>
    </message>
    <message>
        <source>Secret key</source>
        <translation>Secret key</translation>
    </message>
    <message>
        <source>HPOS settings</source>
        <translation>HPOS settings</translation>
    </message>
    <message>
        <source>Save the settings</source>
        <translation>Save the settings</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Loading settings…</source>
        <translation>Loading settings…</translation>
    </message>
</context>
<context>
    <name>SettingsFields</name>
    <message>
        <source>Enter the API base URL first: the secret is stored for one host.</source>
        <translation>Enter the API base URL first: the secret is stored for one host.</translation>
    </message>
    <message>
        <source>Switch to PROD mode?

In PROD, payments are real: customers&apos; cards are charged and real money moves.</source>
        <translation>Switch to PROD mode?

In PROD, payments are real: customers&apos; cards are charged and real money moves.</translation>
    </message>
    <message>
        <source>notify URL</source>
        <extracomment>What the URL messages call each URL field.</extracomment>
        <translation>notify URL</translation>
    </message>
    <message>
        <source>success URL</source>
        <translation>success URL</translation>
    </message>
    <message>
        <source>cancel URL</source>
        <translation>cancel URL</translation>
    </message>
    <message>
        <source>The API key</source>
        <extracomment>What the key messages call each key field.</extracomment>
        <translation>The API key</translation>
    </message>
    <message>
        <source>The public key</source>
        <translation>The public key</translation>
    </message>
    <message>
        <source>The secret key</source>
        <translation>The secret key</translation>
    </message>
    <message>
        <source>the API base URL</source>
        <extracomment>What &quot;Test connection&quot; says is missing.</extracomment>
        <translation>the API base URL</translation>
    </message>
    <message>
        <source>the API key</source>
        <translation>the API key</translation>
    </message>
    <message>
        <source>the public key</source>
        <translation>the public key</translation>
    </message>
    <message>
        <source>the secret key</source>
        <translation>the secret key</translation>
    </message>
    <message>
        <source>Enter the {name} (https://...).</source>
        <extracomment>Extra attempts of the Test connection call (a test should answer quickly).</extracomment>
        <translation>Enter the {name} (https://...).</translation>
    </message>
    <message>
        <source>The {name} is not a valid URL.</source>
        <translation>The {name} is not a valid URL.</translation>
    </message>
    <message>
        <source>The {name} must not contain spaces.</source>
        <translation>The {name} must not contain spaces.</translation>
    </message>
    <message>
        <source>The {name} must start with https:// or http://.</source>
        <translation>The {name} must start with https:// or http://.</translation>
    </message>
    <message>
        <source>The {name} has no host name.</source>
        <translation>The {name} has no host name.</translation>
    </message>
    <message>
        <source>The {name} must not contain a user name or password.</source>
        <translation>The {name} must not contain a user name or password.</translation>
    </message>
    <message>
        <source>{name} must not contain spaces.</source>
        <translation>{name} must not contain spaces.</translation>
    </message>
    <message>
        <source>At most {count} characters.</source>
        <translation>At most {count} characters.</translation>
    </message>
    <message>
        <source>1 to 32 letters, digits, - or _ (e.g. TILL1).</source>
        <translation>1 to 32 letters, digits, - or _ (e.g. TILL1).</translation>
    </message>
    <message>
        <source>Enter a product name (e.g. Sale).</source>
        <translation>Enter a product name (e.g. Sale).</translation>
    </message>
    <message>
        <source>{first} and {last}</source>
        <translation>{first} and {last}</translation>
    </message>
    <message>
        <source>Enter {names} to test the connection.</source>
        <translation>Enter {names} to test the connection.</translation>
    </message>
    <message>
        <source>The {name} is still HPAY&apos;s example address.</source>
        <translation>The {name} is still HPAY&apos;s example address.</translation>
    </message>
    <message>
        <source>The {names} are still HPAY&apos;s example addresses.</source>
        <translation>The {names} are still HPAY&apos;s example addresses.</translation>
    </message>
    <message>
        <source>In PROD, put your shop&apos;s own pages there: after paying, the customer&apos;s phone opens the success URL. HPOS itself does not need them.</source>
        <translation>In PROD, put your shop&apos;s own pages there: after paying, the customer&apos;s phone opens the success URL. HPOS itself does not need them.</translation>
    </message>
    <message>
        <source>Set in the environment, these override the saved settings: {names}.</source>
        <translation>Set in the environment, these override the saved settings: {names}.</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <source>API base URL</source>
        <translation>API base URL</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API key</translation>
    </message>
    <message>
        <source>Public key</source>
        <translation>Public key</translation>
    </message>
    <message>
        <source>Secret key</source>
        <translation>Secret key</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>Shop name</translation>
    </message>
    <message>
        <source>Till name</source>
        <translation>Till name</translation>
    </message>
    <message>
        <source>Default product</source>
        <translation>Default product</translation>
    </message>
    <message>
        <source>Payment expiry</source>
        <translation>Payment expiry</translation>
    </message>
    <message>
        <source>Auto-return after</source>
        <translation>Auto-return after</translation>
    </message>
    <message>
        <source>Notify URL</source>
        <translation>Notify URL</translation>
    </message>
    <message>
        <source>Success URL</source>
        <translation>Success URL</translation>
    </message>
    <message>
        <source>Cancel URL</source>
        <translation>Cancel URL</translation>
    </message>
    <message>
        <source>Checkout hosts</source>
        <translation>Checkout hosts</translation>
    </message>
    <message>
        <source>{field}: error</source>
        <translation>{field}: error</translation>
    </message>
    <message>
        <source>Default product name</source>
        <translation>Default product name</translation>
    </message>
    <message>
        <source>Allowed checkout hosts</source>
        <translation>Allowed checkout hosts</translation>
    </message>
    <message>
        <source>e.g. Chez Awa</source>
        <translation>e.g. Chez Awa</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Sale</translation>
    </message>
    <message>
        <source>Show or hide the secret key</source>
        <translation>Show or hide the secret key</translation>
    </message>
    <message>
        <source>TEST — test payments, no real money</source>
        <translation>TEST — test payments, no real money</translation>
    </message>
    <message>
        <source>PROD — real payments</source>
        <translation>PROD — real payments</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Payment expiry in minutes</source>
        <translation>Payment expiry in minutes</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>Auto-return delay in seconds, 0 for never</source>
        <translation>Auto-return delay in seconds, 0 for never</translation>
    </message>
    <message>
        <source>Comma-separated. A QR code is shown only for checkout links on these hosts (or on the API host).</source>
        <translation>Comma-separated. A QR code is shown only for checkout links on these hosts (or on the API host).</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Shop</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Advanced</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Hide</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Hide the secret key</source>
        <translation>Hide the secret key</translation>
    </message>
    <message>
        <source>Show the secret key</source>
        <translation>Show the secret key</translation>
    </message>
    <message>
        <source>Hide the API and public keys</source>
        <translation>Hide the API and public keys</translation>
    </message>
    <message>
        <source>Show the API and public keys</source>
        <translation>Show the API and public keys</translation>
    </message>
</context>
<context>
    <name>SettingsIo</name>
    <message>
        <source>{problem} Saving replaces it.</source>
        <translation>{problem} Saving replaces it.</translation>
    </message>
    <message>
        <source>Unexpected error ({name}).</source>
        <translation>Unexpected error ({name}).</translation>
    </message>
    <message>
        <source>Connected to {company}.</source>
        <translation>Connected to {company}.</translation>
    </message>
    <message>
        <source>Mode: {mode} · Currency: {currency}</source>
        <translation>Mode: {mode} · Currency: {currency}</translation>
    </message>
    <message>
        <source>main {amount}</source>
        <translation>main {amount}</translation>
    </message>
    <message>
        <source>profit {amount}</source>
        <translation>profit {amount}</translation>
    </message>
    <message>
        <source>Balance: {balances}</source>
        <translation>Balance: {balances}</translation>
    </message>
    <message>
        <source>HPAY answered in {answered} mode, not {asked}.</source>
        <translation>HPAY answered in {answered} mode, not {asked}.</translation>
    </message>
</context>
<context>
    <name>SettingsSecret</name>
    <message>
        <source>No system keyring: the secret is kept for this session only.</source>
        <translation>No system keyring: the secret is kept for this session only.</translation>
    </message>
    <message>
        <source>Kept for this session only (not stored anywhere).</source>
        <translation>Kept for this session only (not stored anywhere).</translation>
    </message>
    <message>
        <source>{name} is set in the environment and takes precedence.</source>
        <translation>{name} is set in the environment and takes precedence.</translation>
    </message>
    <message>
        <source>Saved in the system keyring for {host} when you press OK.</source>
        <extracomment>Sources whose secret the dialog manages (and may replace or delete).</extracomment>
        <translation>Saved in the system keyring for {host} when you press OK.</translation>
    </message>
    <message>
        <source>A key is saved — type a new one to replace it</source>
        <extracomment>The secret found when the dialog opened (never shown).</extracomment>
        <translation>A key is saved — type a new one to replace it</translation>
    </message>
    <message>
        <source>The secret key is stored for one API host: enter the secret key for {host}.</source>
        <translation>The secret key is stored for one API host: enter the secret key for {host}.</translation>
    </message>
    <message>
        <source>Stored in the system keyring for {host}.</source>
        <translation>Stored in the system keyring for {host}.</translation>
    </message>
    <message>
        <source>No secret key stored for {host}: enter it.</source>
        <translation>No secret key stored for {host}: enter it.</translation>
    </message>
    <message>
        <source>Enter the API base URL, then the secret key.</source>
        <translation>Enter the API base URL, then the secret key.</translation>
    </message>
</context>
<context>
    <name>SettingsTabs</name>
    <message>
        <source>HPAY and shop</source>
        <translation>HPAY and shop</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Settings pages</translation>
    </message>
    <message>
        <source>HPAY and shop settings</source>
        <translation>HPAY and shop settings</translation>
    </message>
    <message>
        <source>Counter settings</source>
        <translation>Counter settings</translation>
    </message>
</context>
<context>
    <name>ShiftDialog</name>
    <message>
        <source>Start of shift</source>
        <extracomment>The window&apos;s ``Runner.submit`` (remembering the cashier writes the profile&apos;s file). A cashier was picked (their name).</extracomment>
        <translation>Start of shift</translation>
    </message>
    <message>
        <source>Who is at the till?</source>
        <translation>Who is at the till?</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Not now</translation>
    </message>
    <message>
        <source>Sales made meanwhile record no cashier</source>
        <translation>Sales made meanwhile record no cashier</translation>
    </message>
</context>
<context>
    <name>ShiftPicker</name>
    <message>
        <source>End shift (nobody)</source>
        <extracomment>The cashier on duty changed: their name, or None for nobody.</extracomment>
        <translation>End shift (nobody)</translation>
    </message>
    <message>
        <source>Who is serving: each sale and its receipt say it. Click to change.</source>
        <translation>Who is serving: each sale and its receipt say it. Click to change.</translation>
    </message>
    <message>
        <source>Cashier: {name}</source>
        <translation>Cashier: {name}</translation>
    </message>
    <message>
        <source>Cashier: nobody — pick</source>
        <translation>Cashier: nobody — pick</translation>
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
        <translation>Type the amount</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>Delete the last digit</translation>
    </message>
    <message>
        <source>Charge · new sale after PAID · open a payment in the history</source>
        <translation>Charge · new sale after PAID · open a payment in the history</translation>
    </message>
    <message>
        <source>Clear the amount · cancel the sale (asks first) · back</source>
        <translation>Clear the amount · cancel the sale (asks first) · back</translation>
    </message>
    <message>
        <source>Show or hide this list</source>
        <extracomment>F1&apos;s sentence for each window action with a shortcut, by the action&apos;s object name, in the order shown (Quit comes last, after Tab and the history&apos;s search). The keys are read from the actions themselves; an action not named here shows its menu text.</extracomment>
        <translation>Show or hide this list</translation>
    </message>
    <message>
        <source>History / back to the cashier</source>
        <translation>History / back to the cashier</translation>
    </message>
    <message>
        <source>Show the QR code of the sale waiting for payment</source>
        <translation>Show the QR code of the sale waiting for payment</translation>
    </message>
    <message>
        <source>Refresh the history, or check the sale on screen; the balance</source>
        <translation>Refresh the history, or check the sale on screen; the balance</translation>
    </message>
    <message>
        <source>Print the receipt of the sale shown, or of the last sale</source>
        <translation>Print the receipt of the sale shown, or of the last sale</translation>
    </message>
    <message>
        <source>Show or close the customer display</source>
        <translation>Show or close the customer display</translation>
    </message>
    <message>
        <source>Lock manager mode</source>
        <translation>Lock manager mode</translation>
    </message>
    <message>
        <source>Find an item by name or code · + − the selected cart line</source>
        <translation>Find an item by name or code · + − the selected cart line</translation>
    </message>
    <message>
        <source>{f1}, {esc} or a click closes this list.</source>
        <translation>{f1}, {esc} or a click closes this list.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Next / previous field</source>
        <translation>Next / previous field</translation>
    </message>
    <message>
        <source>Search the history</source>
        <translation>Search the history</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <extracomment>The overlay closed (by F1, Esc or a click).</extracomment>
        <translation>Keyboard shortcuts</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>Welcome to HPOS</source>
        <extracomment>The two buttons&apos; texts in English (the source language; shown translated). The user wants to try HPOS against the built-in sandbox. The user wants to enter the keys of their HPAY account.</extracomment>
        <translation>Welcome to HPOS</translation>
    </message>
    <message>
        <source>Type an amount, show the customer a QR code, and HPOS tells you when the card payment has gone through HPAY — card details never touch this till.</source>
        <translation>Type an amount, show the customer a QR code, and HPOS tells you when the card payment has gone through HPAY — card details never touch this till.</translation>
    </message>
    <message>
        <source>A built-in test server plays the bank and the customer. No account needed.</source>
        <translation>A built-in test server plays the bank and the customer. No account needed.</translation>
    </message>
    <message>
        <source>Use your HPAY account: API URL, API key, public key and secret key.</source>
        <translation>Use your HPAY account: API URL, API key, public key and secret key.</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Try the demo</translation>
    </message>
    <message>
        <source>Enter my HPAY keys</source>
        <translation>Enter my HPAY keys</translation>
    </message>
</context>
<context>
    <name>WindowKeys</name>
    <message>
        <source>Cashier and history</source>
        <translation>Cashier and history</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Show the last &amp;QR code</source>
        <translation>Show the last &amp;QR code</translation>
    </message>
</context>
</TS>
