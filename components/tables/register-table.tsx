import type { ColumnDef } from '@tanstack/react-table';
import { DataTable, type DataTableProps } from './data-table';

export interface RegisterTableProps<T> {
  rows: T[];
  /** Accessible name where the table shows (defaults to the register's own). */
  label?: string;
  visibility?: DataTableProps<T>['visibility'];
}

/**
 * A register's table: its columns, row test id and row attributes fixed once, so each page passes
 * only the rows, and the column visibility when the URL keeps it.
 */
export function registerTable<T extends { id: string }>(spec: {
  name: string;
  label: string;
  columns: ColumnDef<T, unknown>[];
  rowTestId: string;
  rowData?: DataTableProps<T>['rowData'];
}) {
  function RegisterTable({ rows, label = spec.label, visibility }: RegisterTableProps<T>) {
    return (
      <DataTable
        label={label}
        columns={spec.columns}
        rows={rows}
        getRowId={(r) => r.id}
        rowTestId={spec.rowTestId}
        rowData={spec.rowData}
        visibility={visibility}
      />
    );
  }
  RegisterTable.displayName = spec.name;
  return RegisterTable;
}
