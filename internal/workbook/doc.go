// Package workbook writes .xlsx workbooks as spreadsheet clients read them:
// sheets streamed through excelize's StreamWriter (memory stays flat) whose
// <dimension> states the real used range, bold frozen headers, column widths,
// no cell for an empty value, and real date and number cells in the
// Vietnamese display formats (dd/mm/yyyy, thousands grouped).
package workbook
