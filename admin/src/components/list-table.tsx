import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Table } from 'antd';
import type { TableProps } from 'antd';
import type { ReactNode } from 'react';

/** What a table needs of a list hook (useCursorPages, useWholeList): the rows and how the last load went. */
export interface TableList<Row> {
  rows: Row[];
  loading: boolean;
  /** The Chinese message of the last failed load, or null. */
  error: string | null;
  reload: () => void;
}

/** Inputs of a list table. */
export interface ListTableProps<Row extends object> {
  list: TableList<Row>;
  /** Names the table: `<prefix>-table`. */
  classPrefix: string;
  /** Title of the error shown instead of the table when the list fails to load. */
  errorTitle: string;
  /** What an empty list says. */
  emptyText: ReactNode;
  rowKey: TableProps<Row>['rowKey'];
  columns: TableProps<Row>['columns'];
  expandable?: TableProps<Row>['expandable'];
  /** Checkboxes on the rows, for actions on several at once. */
  rowSelection?: TableProps<Row>['rowSelection'];
  scrollX?: number;
}

/** The rows of a list in a table, a spinner while they load, or the load error with a retry. */
export function ListTable<Row extends object>({
  list,
  classPrefix,
  errorTitle,
  emptyText,
  rowKey,
  columns,
  expandable,
  rowSelection,
  scrollX,
}: ListTableProps<Row>) {
  if (list.error !== null) {
    return (
      <Alert
        type="error"
        showIcon
        title={errorTitle}
        description={list.error}
        action={
          <Button icon={<ReloadOutlined />} onClick={list.reload}>
            重试
          </Button>
        }
      />
    );
  }

  return (
    <Table<Row>
      className={`${classPrefix}-table`}
      rowKey={rowKey}
      columns={columns}
      expandable={expandable}
      rowSelection={rowSelection}
      dataSource={list.rows}
      loading={list.loading}
      pagination={false}
      locale={{
        emptyText: list.loading ? <div style={{ height: 120 }} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />,
      }}
      scroll={scrollX === undefined ? undefined : { x: scrollX }}
    />
  );
}
