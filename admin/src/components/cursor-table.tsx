import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { ReactNode } from 'react';
import type { CursorPages } from '../hooks/use-cursor-pages';
import { ListTable } from './list-table';

/** What the table needs of useCursorPages, whatever the list's filter. */
type TablePages<Row> = Pick<
  CursorPages<Row, unknown>,
  'rows' | 'loading' | 'error' | 'pageNumber' | 'hasPrevious' | 'hasNext' | 'goNext' | 'goPrevious' | 'reload'
>;

/** Inputs of a cursor-paged table. */
export interface CursorTableProps<Row extends object> {
  pages: TablePages<Row>;
  /** Names the table (`<prefix>-table`) and its buttons (`<prefix>-prev`, `<prefix>-next`). */
  classPrefix: string;
  /** Title of the error shown instead of the table when a page fails to load. */
  errorTitle: string;
  /** What an empty page says. */
  emptyText: ReactNode;
  rowKey: TableProps<Row>['rowKey'];
  columns: TableProps<Row>['columns'];
  expandable?: TableProps<Row>['expandable'];
  rowSelection?: TableProps<Row>['rowSelection'];
  scrollX?: number;
}

/** A table showing one cursor page, with 上一页/下一页 under it, or the load error with a retry. */
export function CursorTable<Row extends object>({ pages, classPrefix, ...table }: CursorTableProps<Row>) {
  if (pages.error !== null) return <ListTable<Row> list={pages} classPrefix={classPrefix} {...table} />;

  return (
    <>
      <ListTable<Row> list={pages} classPrefix={classPrefix} {...table} />
      <Flex justify="flex-end" align="center" gap="middle" style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">第 {pages.pageNumber} 页</Typography.Text>
        <Space>
          <Button
            className={`${classPrefix}-prev`}
            icon={<LeftOutlined />}
            onClick={pages.goPrevious}
            disabled={pages.loading || !pages.hasPrevious}
          >
            上一页
          </Button>
          <Button
            className={`${classPrefix}-next`}
            icon={<RightOutlined />}
            iconPlacement="end"
            onClick={pages.goNext}
            disabled={pages.loading || !pages.hasNext}
          >
            下一页
          </Button>
        </Space>
      </Flex>
    </>
  );
}
